package org.custodian;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A browser for the tests: keeps cookies, signs in with the form, sends the CSRF token a page gives it. */
public final class Browser {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" (?:value|content)=\"([^\"]+)\"");

    private final HttpClient http;
    private final String base;
    private String csrf = "";

    public Browser(int port, String loopbackAddress) {
        try {
            this.http = HttpClient.newBuilder()
                    .cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .localAddress(InetAddress.getByName(loopbackAddress))
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.base = "http://127.0.0.1:" + port;
    }

    private Browser(HttpClient http, int port, String csrf) {
        this.http = http;
        this.base = "http://127.0.0.1:" + port;
        this.csrf = csrf;
    }

    /** The same browser, its cookies and CSRF token, sending to another node (cookies ignore the port). */
    public Browser onPort(int otherPort) {
        return new Browser(http, otherPort, csrf);
    }

    /** Posts a page's form, with the CSRF token the last page gave. */
    public HttpResponse<String> postForm(String path, java.util.Map<String, String> fields) {
        StringBuilder body = new StringBuilder("_csrf=").append(encode(csrf));
        fields.forEach((k, v) -> body.append('&').append(encode(k)).append('=').append(encode(v)));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    /** Posts the sign-in form; answers the redirect it gets. */
    public HttpResponse<String> signIn(String username, String password) {
        get("/login");
        return send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "username=" + encode(username) + "&password=" + encode(password) + "&_csrf=" + encode(csrf))));
    }

    /** A GET answered as bytes (a download). */
    public HttpResponse<byte[]> download(String path) {
        try {
            return http.send(
                    HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A GET; remembers the CSRF token if the page carries one. */
    public HttpResponse<String> get(String path) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Accept", "text/html, application/json, application/problem+json"));
        Matcher m = CSRF.matcher(response.body());
        if (m.find()) {
            csrf = m.group(1);
        }
        return response;
    }

    /** A JSON POST with the CSRF token in its header, as the pages' scripts send it. */
    public HttpResponse<String> postJson(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .header("X-CSRF-TOKEN", csrf)
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** A JSON POST without the CSRF token but with this Authorization header. */
    public HttpResponse<String> postJsonWithAuthorization(String path, String json, String authorization) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}

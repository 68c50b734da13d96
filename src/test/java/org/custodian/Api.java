package org.custodian;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for the tests: real requests over the loopback, as an API client sends them. */
public final class Api {

    public static final String ADMIN_PASSWORD = "integration-admin-password";

    /** The password of the demo's staff accounts (khj-officer, khj-director) in tests. */
    public static final String DEMO_PASSWORD = "integration-demo-staff-password";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient LOOPBACK =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final HttpClient http;
    private final String base;
    private final @Nullable String authorization;

    private Api(HttpClient http, String base, @Nullable String authorization) {
        this.http = http;
        this.base = base;
        this.authorization = authorization;
    }

    public static Api at(int port) {
        return new Api(LOOPBACK, "http://127.0.0.1:" + port, null);
    }

    /**
     * The same client sending from another loopback address (127.0.0.2 and up), so the server sees a
     * different client address: for sign-in throttling, which counts failures per address.
     */
    public Api from(String loopbackAddress) {
        try {
            return new Api(
                    HttpClient.newBuilder()
                            .followRedirects(HttpClient.Redirect.NEVER)
                            .localAddress(java.net.InetAddress.getByName(loopbackAddress))
                            .build(),
                    base,
                    authorization);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    public Api as(String user, String password) {
        return new Api(
                http,
                base,
                "Basic "
                        + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    public Api asAdmin() {
        return as("admin", ADMIN_PASSWORD);
    }

    public Api withToken(String token) {
        return new Api(http, base, "Bearer " + token);
    }

    public Api anonymous() {
        return new Api(http, base, null);
    }

    public String base() {
        return base;
    }

    /** A response: status, content type and body, with the body parsed when it is JSON. */
    public record Response(int status, String contentType, String body, HttpResponse<String> raw) {
        public JsonNode json() {
            return JSON.readTree(body);
        }

        public boolean isProblem() {
            return contentType.startsWith("application/problem+json");
        }
    }

    public Response get(String path) {
        return send("GET", path, null, null);
    }

    /** Creates (as the caller, an administrator) a user scoped to one region; 201, or 409 when it exists. */
    public int createUser(String username, String role, String region, String password) {
        return post(
                        "/api/users",
                        json(java.util.Map.of(
                                "username", username,
                                "displayName", username,
                                "password", password,
                                "role", role,
                                "regions", java.util.List.of(region))))
                .status();
    }

    /**
     * Records a square hazard area (suspected, anti-personnel mines) centred on a point, {@code side} degrees wide;
     * returns its id.
     */
    public String recordSquareHazardArea(String region, double lon, double lat, double side, String classification) {
        double h = side / 2;
        java.util.List<java.util.List<Double>> ring = java.util.List.of(
                java.util.List.of(lon - h, lat - h),
                java.util.List.of(lon + h, lat - h),
                java.util.List.of(lon + h, lat + h),
                java.util.List.of(lon - h, lat + h),
                java.util.List.of(lon - h, lat - h));
        Response created = post(
                "/api/hazard-areas",
                json(java.util.Map.of(
                        "type",
                        "Feature",
                        "geometry",
                        java.util.Map.of("type", "Polygon", "coordinates", java.util.List.of(ring)),
                        "properties",
                        java.util.Map.of(
                                "regionCode",
                                region,
                                "name",
                                "Square hazard area",
                                "classification",
                                classification,
                                "contamination",
                                java.util.List.of("AP_MINE")))));
        if (created.status() != 201) {
            throw new AssertionError("hazard area not recorded: " + created.body());
        }
        return created.json().get("id").asString();
    }

    /** The code of the region (as the caller sees them) that covers a point. */
    public String regionOf(double lon, double lat) {
        for (JsonNode region : get("/api/regions").json().get("features")) {
            org.locationtech.jts.geom.Geometry g = org.custodian.geo.GeoJsonModule.read(
                    "g", region.get("geometry").toString());
            if (g.covers(org.custodian.geo.Wgs84.point(lon, lat))) {
                return region.at("/properties/code").asString();
            }
        }
        throw new AssertionError("no region covers " + lon + " " + lat);
    }

    /** The body of a GET as bytes (a PDF, a GeoPackage). */
    public byte[] getBytes(String path) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray())
                    .body();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Response post(String path, String json) {
        return send("POST", path, json, "application/json");
    }

    public Response put(String path, String json) {
        return send("PUT", path, json, "application/json");
    }

    public Response delete(String path) {
        return send("DELETE", path, null, null);
    }

    /** A GET that accepts the given media type (and problem details). */
    public Response get(String path, String accept) {
        return send("GET", path, null, null, accept + ", application/problem+json");
    }

    public Response send(String method, String path, @Nullable String body, @Nullable String contentType) {
        return send(
                method, path, body, contentType, "application/json, application/geo+json, application/problem+json");
    }

    private Response send(
            String method, String path, @Nullable String body, @Nullable String contentType, String accept) {
        return exchange(
                method,
                path,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body),
                contentType,
                accept);
    }

    /** A file posted as the {@code file} part of a multipart form, as a browser uploads it. */
    public Response upload(String path, String fileName, byte[] content) {
        return upload(path, fileName, "application/octet-stream", content);
    }

    /** A file of the given media type posted as the {@code file} part of a multipart form. */
    public Response upload(String path, String fileName, String contentType, byte[] content) {
        String boundary = "----custodian-upload";
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                        + "\"\r\nContent-Type: " + contentType + "\r\n\r\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        var body = new java.io.ByteArrayOutputStream();
        body.writeBytes(head);
        body.writeBytes(content);
        body.writeBytes(tail);
        return exchange(
                "POST",
                path,
                HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()),
                "multipart/form-data; boundary=" + boundary,
                "application/json, application/problem+json");
    }

    private Response exchange(
            String method, String path, HttpRequest.BodyPublisher body, @Nullable String contentType, String accept) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, body)
                .header("Accept", accept);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.body(),
                    response);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String json(Object value) {
        return JSON.writeValueAsString(value);
    }
}

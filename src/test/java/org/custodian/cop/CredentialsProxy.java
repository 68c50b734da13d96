package org.custodian.cop;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Forwards each HTTP request on a loopback port to the application with HTTP Basic credentials added, for a
 * client that sends none (the OGC conformance suite). The Host header is kept, so the links the application
 * writes lead back through this proxy. One request per connection: it asks both sides to close afterwards.
 */
final class CredentialsProxy implements AutoCloseable {

    private static final int MAX_HEAD = 64 * 1024;

    private final ServerSocket server;
    private final ExecutorService connections = Executors.newVirtualThreadPerTaskExecutor();
    private final int targetPort;
    private final String authorization;

    CredentialsProxy(int targetPort, String user, String password) throws IOException {
        this.targetPort = targetPort;
        this.authorization =
                "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        connections.execute(this::accept);
    }

    int port() {
        return server.getLocalPort();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                connections.execute(() -> forward(client));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void forward(Socket client) {
        try (client;
                Socket app = new Socket(InetAddress.getLoopbackAddress(), targetPort)) {
            InputStream in = client.getInputStream();
            String head = head(in);
            if (head == null) {
                return;
            }
            StringBuilder request = new StringBuilder();
            long length = 0;
            String[] lines = head.split("\r\n");
            request.append(lines[0]).append("\r\n");
            for (int i = 1; i < lines.length; i++) {
                String name = lines[i].substring(0, Math.max(0, lines[i].indexOf(':')))
                        .trim()
                        .toLowerCase(Locale.ROOT);
                if (name.equals("content-length")) {
                    length = Long.parseLong(
                            lines[i].substring(lines[i].indexOf(':') + 1).trim());
                }
                if (!name.equals("authorization") && !name.equals("connection") && !name.equals("keep-alive")) {
                    request.append(lines[i]).append("\r\n");
                }
            }
            request.append("Authorization: ").append(authorization).append("\r\n");
            request.append("Connection: close\r\n\r\n");
            OutputStream toApp = app.getOutputStream();
            toApp.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            toApp.write(in.readNBytes((int) length));
            toApp.flush();
            app.getInputStream().transferTo(client.getOutputStream());
        } catch (IOException e) {
            // The client went away or the application closed early: nothing to forward any more.
        }
    }

    /** The request line and headers, without the blank line that ends them; null at end of stream. */
    private static String head(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (head.size() < MAX_HEAD) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            head.write(b);
            matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
            if (matched == 4) {
                String text = head.toString(StandardCharsets.ISO_8859_1);
                return text.substring(0, text.length() - 4);
            }
        }
        throw new IOException("request head too long");
    }

    @Override
    public void close() throws IOException {
        server.close();
        connections.shutdownNow();
    }
}

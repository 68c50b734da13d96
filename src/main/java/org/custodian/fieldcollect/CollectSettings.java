package org.custodian.fieldcollect;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.Deflater;
import tools.jackson.databind.json.JsonMapper;

/**
 * ODK Collect's configuration code for a device key: Collect's settings JSON ({@code general}, {@code
 * admin}, {@code project}), zlib-compressed, base64-encoded, as a QR code that Collect scans in "Configure
 * with QR code". The server URL carries the key, so the phone needs no user name or password. Spring-free.
 */
final class CollectSettings {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private CollectSettings() {}

    /** The settings JSON for a phone that sends to {@code serverUrl}. */
    static String json(String serverUrl, String projectName) {
        Map<String, Object> general = new LinkedHashMap<>();
        general.put("server_url", serverUrl);
        general.put("username", "");
        general.put("password", "");
        // The phone holds exactly the forms the server lists, and sends finished ones by itself.
        general.put("form_update_mode", "match_exactly");
        general.put("autosend", "wifi_and_cellular");
        general.put("delete_send", false);
        Map<String, Object> admin = new LinkedHashMap<>();
        // The key is the credential: the person holding the phone should not point it elsewhere.
        admin.put("change_server", false);
        Map<String, Object> project = new LinkedHashMap<>();
        project.put("name", projectName);
        project.put("icon", "C");
        project.put("color", "#1f4e79");
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("general", general);
        settings.put("admin", admin);
        settings.put("project", project);
        return JSON.writeValueAsString(settings);
    }

    /** What the QR code carries: base64 of the zlib-compressed JSON. */
    static String payload(String json) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        deflater.setInput(json.getBytes(StandardCharsets.UTF_8));
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[1024];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return Base64.getEncoder().encodeToString(out.toByteArray());
    }

    /** The QR code as an SVG document (black modules on white, a four-module quiet zone). */
    static String svg(String payload) {
        try {
            BitMatrix m = new QRCodeWriter()
                    .encode(
                            payload,
                            BarcodeFormat.QR_CODE,
                            0,
                            0,
                            Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.L, EncodeHintType.MARGIN, 4));
            StringBuilder path = new StringBuilder();
            for (int y = 0; y < m.getHeight(); y++) {
                for (int x = 0; x < m.getWidth(); x++) {
                    if (m.get(x, y)) {
                        path.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
                    }
                }
            }
            return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + m.getWidth() + " " + m.getHeight()
                    + "\" shape-rendering=\"crispEdges\" role=\"img\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>"
                    + "<path fill=\"#000\" d=\"" + path + "\"/></svg>";
        } catch (WriterException e) {
            throw new IllegalStateException("the settings do not fit in a QR code", e);
        }
    }
}

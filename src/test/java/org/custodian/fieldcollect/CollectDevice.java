package org.custodian.fieldcollect;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.javarosa.core.model.Constants;
import org.javarosa.core.model.FormDef;
import org.javarosa.core.model.FormIndex;
import org.javarosa.core.model.data.DateData;
import org.javarosa.core.model.data.DateTimeData;
import org.javarosa.core.model.data.GeoPointData;
import org.javarosa.core.model.data.IAnswerData;
import org.javarosa.core.model.data.IntegerData;
import org.javarosa.core.model.data.SelectMultiData;
import org.javarosa.core.model.data.SelectOneData;
import org.javarosa.core.model.data.StringData;
import org.javarosa.core.model.data.helper.Selection;
import org.javarosa.core.model.instance.InstanceInitializationFactory;
import org.javarosa.form.api.FormEntryController;
import org.javarosa.form.api.FormEntryModel;
import org.javarosa.form.api.FormEntryPrompt;
import org.javarosa.model.xform.XFormSerializingVisitor;
import org.javarosa.xform.util.XFormUtils;
import org.jspecify.annotations.Nullable;

/**
 * What ODK Collect does, for the tests: parses a blank form with JavaRosa, fills it question by question
 * (answers as text, converted by each question's type), serialises the instance, and sends it as Collect
 * does: HEAD to settle authentication, then a multipart POST with {@code xml_submission_file} and one part
 * per file, with the OpenRosa headers.
 */
final class CollectDevice {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String serverUrl;
    private final @Nullable String authorization;

    CollectDevice(String serverUrl, @Nullable String user, @Nullable String password) {
        this.serverUrl = serverUrl;
        this.authorization = user == null
                ? null
                : "Basic "
                        + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static FormDef parse(byte[] form) throws Exception {
        return XFormUtils.getFormFromInputStream(new ByteArrayInputStream(form));
    }

    /** A filled instance of the form, as Collect serialises it when the form is finalised. */
    static byte[] fill(byte[] form, Map<String, String> answers) throws Exception {
        FormDef def = parse(form);
        def.initialize(true, new InstanceInitializationFactory());
        FormEntryController controller = new FormEntryController(new FormEntryModel(def));
        int event;
        while ((event = controller.stepToNextEvent()) != FormEntryController.EVENT_END_OF_FORM) {
            if (event != FormEntryController.EVENT_QUESTION) {
                continue;
            }
            FormIndex index = controller.getModel().getFormIndex();
            String name = index.getReference().getNameLast();
            String answer = answers.get(name);
            if (answer == null) {
                continue;
            }
            int result =
                    controller.answerQuestion(index, data(controller.getModel().getQuestionPrompt(), answer), true);
            if (result != FormEntryController.ANSWER_OK) {
                throw new IllegalArgumentException("JavaRosa refused " + name + " = " + answer + " (" + result + ")");
            }
        }
        def.postProcessInstance();
        return new XFormSerializingVisitor().serializeInstance(def.getInstance());
    }

    private static IAnswerData data(FormEntryPrompt prompt, String answer) {
        if (prompt.getControlType() == Constants.CONTROL_SELECT_ONE) {
            return new SelectOneData(new Selection(answer));
        }
        if (prompt.getControlType() == Constants.CONTROL_SELECT_MULTI) {
            List<Selection> chosen = new ArrayList<>();
            for (String s : answer.split(" ")) {
                chosen.add(new Selection(s));
            }
            return new SelectMultiData(chosen);
        }
        return switch (prompt.getDataType()) {
            case Constants.DATATYPE_INTEGER -> new IntegerData(Integer.parseInt(answer));
            case Constants.DATATYPE_DATE ->
                new DateData(Date.from(LocalDate.parse(answer)
                        .atStartOfDay(ZoneId.systemDefault())
                        .toInstant()));
            case Constants.DATATYPE_DATE_TIME -> new DateTimeData(Date.from(Instant.parse(answer)));
            case Constants.DATATYPE_GEOPOINT -> {
                String[] p = answer.split(" ");
                yield new GeoPointData(new double[] {Double.parseDouble(p[0]), Double.parseDouble(p[1]), 0, 5});
            }
            default -> new StringData(answer);
        };
    }

    record Sent(int status, String body, HttpResponse<String> response) {}

    /** HEAD then POST, as Collect sends a finalised form with its files. */
    Sent send(byte[] instance, Map<String, byte[]> files) {
        Sent head = exchange("HEAD", HttpRequest.BodyPublishers.noBody(), null);
        if (head.status() != 204) {
            return head;
        }
        String boundary = "----collect" + Long.toHexString(System.nanoTime());
        var body = new java.io.ByteArrayOutputStream();
        part(body, boundary, "xml_submission_file", "submission.xml", "text/xml", instance);
        files.forEach((name, bytes) -> part(body, boundary, name, name, "image/jpeg", bytes));
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return exchange(
                "POST",
                HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()),
                "multipart/form-data; boundary=" + boundary);
    }

    private static void part(
            java.io.ByteArrayOutputStream body, String boundary, String name, String file, String type, byte[] bytes) {
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\""
                        + file + "\"\r\nContent-Type: " + type + "\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(bytes);
        body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }

    Sent exchange(String method, HttpRequest.BodyPublisher body, @Nullable String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(serverUrl + "/submission"))
                .method(method, body)
                .header("X-OpenRosa-Version", "1.0")
                .header("Accept-Language", "en")
                .header(
                        "Date",
                        DateTimeFormatter.RFC_1123_DATE_TIME
                                .withLocale(Locale.ENGLISH)
                                .format(ZonedDateTime.now(ZoneId.of("UTC"))));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Sent(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

package org.custodian.fieldcollect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.support.DefaultMultipartHttpServletRequest;

/** A submission's body taken apart as Collect sends it, and a body that is not multipart refused whole. */
class OpenRosaUploadsUnitTests {

    private static final String BOUNDARY = "----collect18c2f0a7d3e";

    @Test
    void thePartsComeOutAsSentEvenWhenAPhotoHoldsMostOfTheBoundary() throws Exception {
        byte[] photo = new byte[200 * 1024];
        new Random(7).nextBytes(photo);
        // Most of the delimiter inside the photo, and the photo ending in a line break: neither ends the part.
        byte[] near =
                ("\r\n--" + BOUNDARY.substring(0, BOUNDARY.length() - 1) + "x\r\n").getBytes(StandardCharsets.UTF_8);
        System.arraycopy(near, 0, photo, 1000, near.length);
        photo[photo.length - 2] = '\r';
        photo[photo.length - 1] = '\n';
        byte[] xml = "<data id=\"ordnance-find\"/>".getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes("preamble\r\n".getBytes(StandardCharsets.UTF_8));
        part(body, "xml_submission_file", "filename=\"submission.xml\"\r\nContent-Type: text/xml", xml);
        part(body, "photo.jpg", "filename=\"photo.jpg\"\r\ncontent-type: image/jpeg", photo);
        part(body, "note", "", "a field, not a file".getBytes(StandardCharsets.UTF_8));
        body.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));

        DefaultMultipartHttpServletRequest parsed =
                OpenRosaUploads.parts(new MockHttpServletRequest(), body.toByteArray(), BOUNDARY);

        assertThat(parsed).isNotNull();
        MultipartFile sentXml = parsed.getFile("xml_submission_file");
        assertThat(sentXml).isNotNull();
        assertThat(sentXml.getBytes()).isEqualTo(xml);
        assertThat(sentXml.getOriginalFilename()).isEqualTo("submission.xml");
        assertThat(sentXml.getContentType()).isEqualTo("text/xml");
        MultipartFile sentPhoto = parsed.getFile("photo.jpg");
        assertThat(sentPhoto).isNotNull();
        assertThat(sentPhoto.getBytes()).isEqualTo(photo);
        assertThat(sentPhoto.getContentType()).isEqualTo("image/jpeg");
        assertThat(parsed.getMultiFileMap()).containsOnlyKeys("xml_submission_file", "photo.jpg");
        assertThat(parsed.getParameter("note")).isEqualTo("a field, not a file");
    }

    @Test
    void aBodyCutOffOrWithoutTheBoundaryIsNotMultipart() {
        byte[] whole = ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"xml_submission_file\";"
                        + " filename=\"s.xml\"\r\n\r\n<data/>\r\n--" + BOUNDARY + "--\r\n")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(OpenRosaUploads.parts(new MockHttpServletRequest(), whole, BOUNDARY))
                .isNotNull();
        byte[] cut = java.util.Arrays.copyOf(whole, whole.length - BOUNDARY.length() - 8);
        assertThat(OpenRosaUploads.parts(new MockHttpServletRequest(), cut, BOUNDARY))
                .isNull();
        assertThat(OpenRosaUploads.parts(new MockHttpServletRequest(), whole, "another-boundary"))
                .isNull();
        byte[] noHeaderEnd =
                ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"x\"").getBytes(StandardCharsets.UTF_8);
        assertThat(OpenRosaUploads.parts(new MockHttpServletRequest(), noHeaderEnd, BOUNDARY))
                .isNull();
    }

    private static void part(ByteArrayOutputStream body, String name, String more, byte[] content) {
        body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
                        + (more.isEmpty() ? "" : "; " + more) + "\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }
}

package org.custodian.platform;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Printable documents (receipts, reports) as PDF: a Thymeleaf template written as XHTML, rendered by
 * openhtmltopdf with the DejaVu fonts embedded, so Azerbaijani, Russian and Armenian print as written.
 */
@Component
public class PrintedDocuments {

    private final ITemplateEngine templates;

    PrintedDocuments(ITemplateEngine templates) {
        this.templates = templates;
    }

    /** Renders the template with these variables, in the current request's language. */
    public byte[] pdf(String template, Map<String, ?> variables) {
        Context context = new Context(LocaleContextHolder.getLocale());
        variables.forEach(context::setVariable);
        String xhtml = templates.process(template, context);
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useFont(
                    () -> font("fonts/DejaVuSans.ttf"), "DejaVu Sans", 400, PdfRendererBuilder.FontStyle.NORMAL, true);
            builder.useFont(
                    () -> font("fonts/DejaVuSans-Bold.ttf"),
                    "DejaVu Sans",
                    700,
                    PdfRendererBuilder.FontStyle.NORMAL,
                    true);
            builder.withHtmlContent(xhtml, null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("the document " + template + " could not be rendered", e);
        }
    }

    private static InputStream font(String path) {
        try {
            return new ClassPathResource(path).getInputStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

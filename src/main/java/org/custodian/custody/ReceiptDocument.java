package org.custodian.custody;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.custodian.territory.Territory;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The printable receipt of a surrender batch: a Thymeleaf template rendered to PDF, with the DejaVu fonts
 * embedded so Azerbaijani, Russian and Armenian names print as written.
 */
@Component
class ReceiptDocument {

    private final ITemplateEngine templates;
    private final Territory territory;

    ReceiptDocument(ITemplateEngine templates, Territory territory) {
        this.templates = templates;
        this.territory = territory;
    }

    byte[] render(SurrenderBatch batch, List<CustodyItem> items, StorageSite site) {
        Context context = new Context(LocaleContextHolder.getLocale());
        context.setVariable("batch", batch);
        context.setVariable("items", items);
        context.setVariable("site", site);
        context.setVariable("keeper", territory.agency(site.keeperAgencyId()).name());
        context.setVariable("region", territory.region(batch.regionCode()));
        String xhtml = templates.process("custody/receipt", context);
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
            throw new UncheckedIOException("the receipt could not be rendered", e);
        }
    }

    private static java.io.InputStream font(String path) {
        try {
            return new ClassPathResource(path).getInputStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.custodian.custody;

import java.util.List;
import java.util.Map;
import org.custodian.platform.PrintedDocuments;
import org.custodian.territory.Territory;
import org.springframework.stereotype.Component;

/** The printable receipt of a surrender batch: every item with its serial, for the party and witnesses. */
@Component
class ReceiptDocument {

    private final PrintedDocuments documents;
    private final Territory territory;

    ReceiptDocument(PrintedDocuments documents, Territory territory) {
        this.documents = documents;
        this.territory = territory;
    }

    byte[] render(SurrenderBatch batch, List<CustodyItem> items, StorageSite site) {
        return documents.pdf(
                "custody/receipt",
                Map.of(
                        "batch", batch,
                        "items", items,
                        "site", site,
                        "keeper", territory.agency(site.keeperAgencyId()).name(),
                        "region", territory.region(batch.regionCode())));
    }
}

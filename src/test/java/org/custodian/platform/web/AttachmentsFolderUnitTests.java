package org.custodian.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

/** The attachments folder is ready only when it exists or can be made, takes a file and keeps its floor free. */
class AttachmentsFolderUnitTests {

    @TempDir
    Path temporary;

    @Test
    void aWritableFolderWithRoomIsReadyAndIsMadeWhenMissing() {
        Path folder = temporary.resolve("uploads/received");
        assertThat(new AttachmentsFolder(folder.toString(), DataSize.ofBytes(1)).fault())
                .isEmpty();
        assertThat(folder).isDirectory();
        assertThat(folder).isEmptyDirectory();
    }

    @Test
    void lessFreeThanTheFloorIsAFault() {
        // More than any disk holds: the floor cannot be met.
        assertThat(new AttachmentsFolder(temporary.toString(), DataSize.ofTerabytes(1L << 20)).fault())
                .hasValueSatisfying(
                        reason -> assertThat(reason).contains("below the").contains("MB kept free"));
    }

    @Test
    void aFolderThatCannotBeMadeIsAFault() throws Exception {
        Path file = Files.writeString(temporary.resolve("a-file"), "not a folder");
        assertThat(new AttachmentsFolder(file.resolve("uploads").toString(), DataSize.ofBytes(1)).fault())
                .hasValueSatisfying(reason -> assertThat(reason).contains("cannot be made"));
        assertThat(new AttachmentsFolder(file.toString(), DataSize.ofBytes(1)).fault())
                .isPresent();
    }
}

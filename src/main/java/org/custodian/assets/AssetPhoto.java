package org.custodian.assets;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** A photograph taken at an assessment; its bytes are loaded only when it is downloaded. */
@Entity
@Table(name = "asset_photo")
class AssetPhoto {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    private long assetId;
    private long assessmentId;
    private String fileName;
    private String mediaType;
    private String sha256;
    private byte[] content;

    protected AssetPhoto() {
        this.fileName = "";
        this.mediaType = "";
        this.sha256 = "";
        this.content = new byte[0];
    }

    AssetPhoto(long assetId, long assessmentId, String fileName, String mediaType, String sha256, byte[] content) {
        this.assetId = assetId;
        this.assessmentId = assessmentId;
        this.fileName = fileName;
        this.mediaType = mediaType;
        this.sha256 = sha256;
        this.content = content.clone();
    }

    long id() {
        return Objects.requireNonNull(id);
    }

    long assetId() {
        return assetId;
    }

    long assessmentId() {
        return assessmentId;
    }

    String fileName() {
        return fileName;
    }

    String mediaType() {
        return mediaType;
    }

    String sha256() {
        return sha256;
    }

    byte[] content() {
        return content.clone();
    }
}

package org.custodian.assets;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.custodian.geo.GeometryRules;
import org.custodian.platform.ConflictWithState;
import org.custodian.platform.RecordNotFound;
import org.custodian.platform.RuleViolated;
import org.custodian.platform.Scope;
import org.custodian.platform.Sources;
import org.custodian.territory.Region;
import org.custodian.territory.Territory;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Geometry;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The assets module's API: reads filtered by the caller's scope, writes checked against it. */
@Service
@Transactional(readOnly = true)
public class Assets {

    /** Largest photo accepted: a phone camera's JPEG is a few megabytes. */
    static final int MAX_PHOTO_BYTES = 10 * 1024 * 1024;

    private final AssetRecords assets;
    private final AssetPhotos photos;
    private final Territory territory;
    private final Sources sources;

    Assets(AssetRecords assets, AssetPhotos photos, Territory territory, Sources sources) {
        this.assets = assets;
        this.photos = photos;
        this.territory = territory;
        this.sources = sources;
    }

    /** What an asset is. */
    public record AssetDraft(
            String regionCode, Asset.Kind kind, String name, Geometry geometry, Asset.Particulars particulars) {}

    /** A photo as the API lists it. */
    public record Photo(long id, long assessmentId, String fileName, String mediaType, String sha256) {}

    public List<Asset> assets(Scope scope, @Nullable String regionCode, Asset.@Nullable Kind kind) {
        return assets.findInScope(regionCode, kind, scope.allRegions(), scope.regionsForQuery());
    }

    public Asset asset(Scope scope, long id) {
        return assets.findInScope(id, scope.allRegions(), scope.regionsForQuery())
                .orElseThrow(() -> new RecordNotFound(Refusals.NO_ASSET, id));
    }

    @Transactional
    public Asset record(Scope scope, AssetDraft draft) {
        Region region = checked(scope, draft);
        return assets.save(
                new Asset(region.code(), draft.kind(), draft.name().strip(), draft.geometry(), draft.particulars()));
    }

    /**
     * Corrects what an asset the caller may change is and where, as of the version they saw; it may move to
     * another region the caller writes. Its assessments and photos stay.
     */
    @Transactional
    public Asset describe(Scope scope, long id, long version, AssetDraft draft) {
        Asset asset = writable(scope, id);
        ConflictWithState.requireVersion(Refusals.ASSET_CHANGED, id, asset.version(), version);
        Region region = checked(scope, draft);
        asset.describe(region.code(), draft.kind(), draft.name().strip(), draft.geometry(), draft.particulars());
        return asset;
    }

    /** The region of the draft, once it passes the rules: parcels and deposits are areas within it. */
    private Region checked(Scope scope, AssetDraft draft) {
        Region region = writableRegion(scope, draft.regionCode());
        GeometryRules.check("geometry", draft.geometry(), Set.of("Point", "Polygon", "MultiPolygon"));
        region.requireHolds("geometry", Refusals.WHAT_ASSET, draft.geometry());
        boolean area = draft.kind() == Asset.Kind.LAND_PARCEL || draft.kind() == Asset.Kind.MINERAL_DEPOSIT;
        if (area && draft.geometry().getDimension() < 2) {
            throw new RuleViolated(
                    "geometry",
                    Refusals.IS_A_POLYGON,
                    draft.kind().name().toLowerCase().replace('_', ' '));
        }
        if (draft.name().isBlank()) {
            throw new RuleViolated("name", Refusals.ASSET_NEEDS_NAME);
        }
        if (draft.particulars().reservesSourceId() != null) {
            sources.require("reservesSourceId", draft.particulars().reservesSourceId());
        }
        return region;
    }

    @Transactional
    public Assessment assess(
            Scope scope, long assetId, LocalDate on, String assessor, Assessment.Condition condition, String damage) {
        Asset asset = writable(scope, assetId);
        if (on.isAfter(LocalDate.now(territory.region(asset.regionCode()).zone()))) {
            throw new RuleViolated("assessedOn", Refusals.ASSESSMENT_DATED_FUTURE);
        }
        if (assessor.isBlank()) {
            throw new RuleViolated("assessor", Refusals.NAME_ASSESSED);
        }
        asset.assess(new Assessment(on, assessor.strip(), condition, damage.strip()));
        // Saving merges the new assessment into a managed copy: the newest identifier is the one written.
        return assets.saveAndFlush(asset).assessments().stream()
                .max(java.util.Comparator.comparingLong(Assessment::id))
                .orElseThrow();
    }

    /** A photo as it was uploaded. */
    public record PhotoUpload(String fileName, String mediaType, byte[] content) {}

    /** An assessment with its photos: all of it is written, or nothing when any part is refused. */
    @Transactional
    public Assessment assessWithPhotos(
            Scope scope,
            long assetId,
            LocalDate on,
            String assessor,
            Assessment.Condition condition,
            String damage,
            List<PhotoUpload> uploads) {
        Assessment assessment = assess(scope, assetId, on, assessor, condition, damage);
        for (PhotoUpload upload : uploads) {
            attachPhoto(scope, assetId, assessment.id(), upload.fileName(), upload.mediaType(), upload.content());
        }
        return assessment;
    }

    /** Photos added to an assessment already recorded: all of them, or none when any is refused. */
    @Transactional
    public List<Photo> attachPhotos(Scope scope, long assetId, long assessmentId, List<PhotoUpload> uploads) {
        if (uploads.isEmpty()) {
            throw new RuleViolated("file", Refusals.PHOTO_BETWEEN_1_BYTE_10);
        }
        List<Photo> attached = new java.util.ArrayList<>();
        for (PhotoUpload upload : uploads) {
            attached.add(
                    attachPhoto(scope, assetId, assessmentId, upload.fileName(), upload.mediaType(), upload.content()));
        }
        return attached;
    }

    @Transactional
    public Photo attachPhoto(
            Scope scope, long assetId, long assessmentId, String fileName, String mediaType, byte[] content) {
        Asset asset = writable(scope, assetId);
        if (asset.assessments().stream().noneMatch(a -> a.id() == assessmentId)) {
            throw new RecordNotFound(Refusals.NO_ASSESSMENT, assessmentId);
        }
        if (content.length == 0 || content.length > MAX_PHOTO_BYTES) {
            throw new RuleViolated("file", Refusals.PHOTO_BETWEEN_1_BYTE_10);
        }
        boolean jpeg = mediaType.equals("image/jpeg")
                && content.length > 3
                && (content[0] & 0xff) == 0xff
                && (content[1] & 0xff) == 0xd8
                && (content[2] & 0xff) == 0xff;
        boolean png = mediaType.equals("image/png")
                && content.length > 8
                && (content[0] & 0xff) == 0x89
                && content[1] == 'P'
                && content[2] == 'N'
                && content[3] == 'G';
        if (!jpeg && !png) {
            throw new RuleViolated("file", Refusals.ONLY_JPEG_PNG_PHOTOS_ACCEPTED);
        }
        AssetPhoto photo =
                photos.save(new AssetPhoto(asset.id(), assessmentId, fileName, mediaType, sha256(content), content));
        return new Photo(photo.id(), assessmentId, fileName, mediaType, photo.sha256());
    }

    public List<Photo> photos(Scope scope, long assetId) {
        Asset asset = asset(scope, assetId);
        return photos.listed(asset.id()).stream()
                .map(l -> new Photo(l.id(), l.assessmentId(), l.fileName(), l.mediaType(), l.sha256()))
                .toList();
    }

    /** The bytes and media type of a photo the caller may see. */
    public record PhotoContent(String fileName, String mediaType, byte[] content) {}

    public PhotoContent photo(Scope scope, long assetId, long photoId) {
        Asset asset = asset(scope, assetId);
        AssetPhoto photo = photos.findById(photoId)
                .filter(p -> p.assetId() == asset.id())
                .orElseThrow(() -> new RecordNotFound(Refusals.NO_PHOTO, photoId));
        return new PhotoContent(photo.fileName(), photo.mediaType(), photo.content());
    }

    private Asset writable(Scope scope, long id) {
        Asset asset = asset(scope, id);
        scope.requireWrites(asset.regionCode());
        return asset;
    }

    private Region writableRegion(Scope scope, String code) {
        return territory.writableRegion(scope, code);
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

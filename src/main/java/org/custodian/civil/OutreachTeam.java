package org.custodian.civil;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;
import org.jspecify.annotations.Nullable;

/** An outreach team (a mixed healthcare team, for instance) and who is in it. */
@Entity
@Table(name = "civil_outreach_team")
public class OutreachTeam {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Version
    private long version;

    private String regionCode;
    private String name;
    private @Nullable Long groupId;

    @ElementCollection(fetch = FetchType.EAGER)
    @Fetch(FetchMode.SUBSELECT)
    @CollectionTable(name = "civil_outreach_team_member", joinColumns = @JoinColumn(name = "team_id"))
    @OrderColumn(name = "member_no")
    private List<TeamMember> members = new ArrayList<>();

    protected OutreachTeam() {
        this.regionCode = "";
        this.name = "";
    }

    OutreachTeam(String regionCode, String name, @Nullable Long groupId) {
        this();
        this.regionCode = regionCode;
        this.name = name;
        this.groupId = groupId;
    }

    void join(TeamMember member) {
        members.add(member);
    }

    public long id() {
        return Objects.requireNonNull(id, "not saved yet");
    }

    public long version() {
        return version;
    }

    public String regionCode() {
        return regionCode;
    }

    public String name() {
        return name;
    }

    /** The working group that set the team up, if any. */
    public @Nullable Long groupId() {
        return groupId;
    }

    public List<TeamMember> members() {
        return List.copyOf(members);
    }
}

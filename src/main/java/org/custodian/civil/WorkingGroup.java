package org.custodian.civil;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
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
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;
import org.jspecify.annotations.Nullable;

/** A working group for civil activities: what it is for, the questions it takes up, who chairs it and who sits in it. */
@Entity
@Table(name = "civil_working_group")
public class WorkingGroup {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Version
    private long version;

    private String regionCode;
    private String name;
    private String mandate;
    private String chair;

    @ElementCollection(fetch = FetchType.EAGER)
    @Fetch(FetchMode.SUBSELECT)
    @CollectionTable(name = "civil_working_group_topic", joinColumns = @JoinColumn(name = "group_id"))
    @Column(name = "topic")
    private Set<String> topics = new HashSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @Fetch(FetchMode.SUBSELECT)
    @CollectionTable(name = "civil_working_group_member", joinColumns = @JoinColumn(name = "group_id"))
    @OrderColumn(name = "member_no")
    private List<Member> members = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @Fetch(FetchMode.SUBSELECT)
    @CollectionTable(name = "civil_working_group_source", joinColumns = @JoinColumn(name = "group_id"))
    @Column(name = "source_id")
    private Set<Long> sources = new HashSet<>();

    protected WorkingGroup() {
        this.regionCode = "";
        this.name = "";
        this.mandate = "";
        this.chair = "";
    }

    WorkingGroup(String regionCode, String name, String mandate, String chair, Set<String> topics, Set<Long> sources) {
        this();
        this.regionCode = regionCode;
        this.name = name;
        this.mandate = mandate;
        this.chair = chair;
        this.topics = new HashSet<>(topics);
        this.sources = new HashSet<>(sources);
    }

    void join(Member member) {
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

    public String mandate() {
        return mandate;
    }

    public String chair() {
        return chair;
    }

    /** Topics in alphabetical order. */
    public List<String> topics() {
        return List.copyOf(new TreeSet<>(topics));
    }

    public List<Member> members() {
        return List.copyOf(members);
    }

    public Set<Long> sources() {
        return Set.copyOf(sources);
    }
}

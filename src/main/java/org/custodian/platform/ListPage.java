package org.custodian.platform;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.ToLongFunction;
import org.springframework.data.domain.Page;

/**
 * A page of the records a list shows, in the list's order, and how many match in all.
 *
 * @param records the page's records
 * @param matched how many records match the list's filters, on every page
 */
public record ListPage<T>(List<T> records, long matched) {

    public ListPage {
        records = List.copyOf(records);
    }

    /**
     * The records of a page of ids, in the ids' order: a list pages through its records' ids, then reads only
     * those records, which come back by id in any order. An id whose record is gone since is left out.
     */
    public static <T> ListPage<T> inOrderOf(Page<Long> ids, List<T> found, ToLongFunction<T> id) {
        Map<Long, T> byId = new HashMap<>();
        found.forEach(t -> byId.put(id.applyAsLong(t), t));
        return new ListPage<>(
                ids.getContent().stream()
                        .map(byId::get)
                        .filter(Objects::nonNull)
                        .toList(),
                ids.getTotalElements());
    }

    /** How many pages of {@code size} the matching records fill. */
    public long pages(int size) {
        return (matched + size - 1) / size;
    }
}

package dev.cellguard.testsupport;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;

/** A set of running {@link DemoCell}s by name. */
public final class DemoCells implements AutoCloseable {

    private final Map<String, DemoCell> byName = new LinkedHashMap<>();

    public static DemoCells start(String... names) {
        DemoCells cells = new DemoCells();
        for (String name : names) {
            cells.byName.put(name, DemoCell.start(name, 0));
        }
        return cells;
    }

    public DemoCell get(String name) {
        DemoCell cell = byName.get(name);
        if (cell == null) {
            throw new NoSuchElementException("no demo cell " + name);
        }
        return cell;
    }

    public Collection<DemoCell> all() {
        return byName.values();
    }

    /** Every cell healthy and on version 1.0.0 again. */
    public void recoverAll() {
        byName.values().forEach(cell -> {
            cell.recover();
            cell.deployVersion("1.0.0");
        });
    }

    @Override
    public void close() {
        byName.values().forEach(DemoCell::close);
    }
}

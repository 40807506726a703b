package io.relayharness.verdict;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A table a verdict shows as evidence: a title, column names and rows of text cells. Immutable;
 * thread-safe. Build with {@link #builder(String, String...)}.
 *
 * @param title what the table shows
 * @param columns column names
 * @param rows cells, one list per row, as many cells as columns
 */
public record Table(String title, List<String> columns, List<List<String>> rows) {

  /** Rows kept per table by the builder; the rest are counted in a last row. */
  public static final int MAX_ROWS = 500;

  public Table {
    columns = List.copyOf(columns);
    rows = rows.stream().map(List::copyOf).toList();
  }

  /** Starts a table. */
  public static Builder builder(String title, String... columns) {
    return new Builder(title, Arrays.asList(columns));
  }

  /** Collects rows; not thread-safe. */
  public static final class Builder {
    private final String title;
    private final List<String> columns;
    private final List<List<String>> rows = new ArrayList<>();
    private int dropped;

    private Builder(String title, List<String> columns) {
      this.title = title;
      this.columns = columns;
    }

    /** Adds a row; cells are shown with {@code String.valueOf}, null as empty. */
    public Builder row(Object... cells) {
      if (cells.length != columns.size()) {
        throw new IllegalArgumentException(
            "table '" + title + "': " + cells.length + " cells for " + columns.size() + " columns");
      }
      if (rows.size() >= MAX_ROWS) {
        dropped++;
        return this;
      }
      List<String> row = new ArrayList<>(cells.length);
      for (Object c : cells) {
        row.add(c == null ? "" : String.valueOf(c));
      }
      rows.add(row);
      return this;
    }

    /** Returns whether no row was added. */
    public boolean isEmpty() {
      return rows.isEmpty();
    }

    /** Builds the table; rows beyond {@link #MAX_ROWS} are summarised in a last row. */
    public Table build() {
      List<List<String>> out = new ArrayList<>(rows);
      if (dropped > 0) {
        List<String> more = new ArrayList<>();
        more.add("... " + dropped + " more rows not shown");
        while (more.size() < columns.size()) {
          more.add("");
        }
        out.add(more);
      }
      return new Table(title, columns, out);
    }
  }
}

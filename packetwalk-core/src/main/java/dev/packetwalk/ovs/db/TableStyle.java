package dev.packetwalk.ovs.db;

/**
 * How ovs-vsctl prints the records of {@code list} and {@code find} (lib/table.c): the layout
 * ({@code --format}), the form of each cell ({@code --data}) and whether headings are shown.
 */
public record TableStyle(Layout layout, Cells cells, boolean headings) {
    /** {@code --format}: list (default), table, csv, json. */
    public enum Layout { LIST, TABLE, CSV, JSON }

    /** {@code --data}: string (default), bare, json. */
    public enum Cells { STRING, BARE, JSON }

    /** The default style: list layout, string cells, headings. */
    public static TableStyle standard() {
        return new TableStyle(Layout.LIST, Cells.STRING, true);
    }

    /** {@code --bare}: list layout, bare cells, no headings. */
    public static TableStyle bare() {
        return new TableStyle(Layout.LIST, Cells.BARE, false);
    }

    /** The layout named by {@code --format=NAME}; html is not emulated. */
    public static Layout layout(String name) {
        return switch (name) {
            case "list" -> Layout.LIST;
            case "table" -> Layout.TABLE;
            case "csv" -> Layout.CSV;
            case "json" -> Layout.JSON;
            default -> throw new OvsDbException("unknown output format \"" + name + "\"");
        };
    }

    /** The cell form named by {@code --data=NAME}. */
    public static Cells cells(String name) {
        return switch (name) {
            case "string" -> Cells.STRING;
            case "bare" -> Cells.BARE;
            case "json" -> Cells.JSON;
            default -> throw new OvsDbException("unknown data format \"" + name + "\"");
        };
    }

    public TableStyle withLayout(Layout l) {
        return new TableStyle(l, cells, headings);
    }

    public TableStyle withCells(Cells c) {
        return new TableStyle(layout, c, headings);
    }

    public TableStyle withHeadings(boolean h) {
        return new TableStyle(layout, cells, h);
    }
}

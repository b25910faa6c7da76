package io.agentdlp.launcher.bench;

import java.util.List;
import java.util.Locale;

/**
 * Minimal SVG line chart (no dependencies) for docs/BENCHMARKS.md: one or more series of (x, y)
 * points with axes, ticks and a legend.
 */
final class SvgChart {
    private static final String[] COLORS = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b"};
    private static final int W = 800;
    private static final int H = 400;
    private static final int L = 70;
    private static final int R = 220;
    private static final int T = 40;
    private static final int B = 50;

    record Point(double x, double y) {
    }

    record Series(String name, List<Point> points) {
    }

    static String render(String title, String xLabel, String yLabel, List<Series> series, Double horizontalLine) {
        double maxX = 0;
        double maxY = horizontalLine == null ? 0 : horizontalLine;
        for (Series s : series) {
            for (Point p : s.points()) {
                maxX = Math.max(maxX, p.x());
                maxY = Math.max(maxY, p.y());
            }
        }
        maxX = niceCeil(maxX);
        maxY = niceCeil(maxY);
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"12\">%n", W, H));
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"22\" font-size=\"15\" font-weight=\"bold\">%s</text>%n", L, esc(title)));
        int pw = W - L - R;
        int ph = H - T - B;
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>%n", L, T + ph, L + pw, T + ph));
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>%n", L, T, L, T + ph));
        for (int i = 0; i <= 5; i++) {
            double xv = maxX * i / 5;
            double yv = maxY * i / 5;
            int x = L + pw * i / 5;
            int y = T + ph - ph * i / 5;
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>%n", x, T + ph + 18, fmt(xv)));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>%n", L - 6, y + 4, fmt(yv)));
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#ddd\"/>%n", L, y, L + pw, y));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>%n", L + pw / 2, H - 10, esc(xLabel)));
        svg.append(String.format(Locale.ROOT, "<text x=\"16\" y=\"%d\" text-anchor=\"middle\" transform=\"rotate(-90 16 %d)\">%s</text>%n",
                T + ph / 2, T + ph / 2, esc(yLabel)));
        if (horizontalLine != null) {
            int y = (int) (T + ph - ph * horizontalLine / maxY);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#888\" stroke-dasharray=\"6,4\"/>%n", L, y, L + pw, y));
        }
        for (int s = 0; s < series.size(); s++) {
            String color = COLORS[s % COLORS.length];
            StringBuilder path = new StringBuilder();
            for (Point p : series.get(s).points()) {
                double x = L + pw * p.x() / maxX;
                double y = T + ph - ph * p.y() / maxY;
                path.append(path.length() == 0 ? "M" : " L").append(String.format(Locale.ROOT, "%.1f %.1f", x, y));
                svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>%n", x, y, color));
            }
            svg.append(String.format(Locale.ROOT, "<path d=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"/>%n", path, color));
            int ly = T + 10 + s * 18;
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>%n", W - R + 12, ly - 10, color));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text>%n", W - R + 30, ly, esc(series.get(s).name())));
        }
        return svg.append("</svg>\n").toString();
    }

    private static double niceCeil(double v) {
        if (v <= 0) {
            return 1;
        }
        double mag = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * mag >= v) {
                return m * mag;
            }
        }
        return 10 * mag;
    }

    private static String fmt(double v) {
        return v >= 1000 ? String.format(Locale.ROOT, "%.0fk", v / 1000) : v == Math.rint(v) ? String.valueOf((long) v)
                : String.format(Locale.ROOT, "%.1f", v);
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}

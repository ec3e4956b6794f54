package org.durableworkflow.peers.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

/**
 * Draws {@code peers.png} from every result file in a folder: one panel per figure, one bar per system, so this
 * project's files can stand beside the peers'. A figure a file lacks is drawn as "n/a".
 */
public final class PeerChart {

    private record Figure(String key, String title, String unit) {
    }

    private static final List<Figure> FIGURES = List.of(
            new Figure("start_per_s", "Starts", "runs/s, higher is better"),
            new Figure("complete_per_s", "Complete workflows", "runs/s, higher is better"),
            new Figure("latency_fixed_p99", "Notify to resumed, p99", "ms at 100 notifies/s, lower is better"));

    private static final Color[] COLORS = {
        new Color(0x1f77b4), new Color(0x2ca02c), new Color(0xff7f0e), new Color(0xd62728),
        new Color(0x9467bd), new Color(0x8c564b), new Color(0x17becf)};

    private static final int PANEL_W = 380;
    private static final int PANEL_H = 420;
    private static final int TOP = 70;
    private static final int BOTTOM = 40;
    private static final int LEFT = 50;
    private static final int LEGEND_ROW = 22;

    private PeerChart() {
    }

    /** Standalone: {@code PeerChart [results folder]}. */
    public static void main(String[] args) throws IOException {
        draw(Path.of(args.length > 0 ? args[0] : "target/results"));
    }

    public static void draw(Path dir) throws IOException {
        List<ResultFile> results = ResultFile.all(dir);
        if (results.isEmpty()) {
            System.out.println("chart: no result files in " + dir);
            return;
        }
        int height = PANEL_H + 20 + LEGEND_ROW * results.size();
        BufferedImage image = new BufferedImage(PANEL_W * FIGURES.size(), height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), height);
        for (int i = 0; i < FIGURES.size(); i++) {
            panel(g, FIGURES.get(i), results, i * PANEL_W);
        }
        legend(g, results, PANEL_H + 10);
        g.dispose();
        Path png = dir.resolve("peers.png");
        ImageIO.write(image, "png", png.toFile());
        System.out.println("chart: " + png + " from " + results.size() + " result files");
    }

    private static void panel(Graphics2D g, Figure figure, List<ResultFile> results, int x0) {
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        centered(g, figure.title(), x0 + PANEL_W / 2, 25);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        centered(g, figure.unit(), x0 + PANEL_W / 2, 45);

        double max = results.stream().map(r -> r.number(figure.key())).filter(v -> v != null)
                .mapToDouble(Double::doubleValue).max().orElse(0);
        double top = niceCeiling(max);
        int plotX = x0 + LEFT;
        int plotW = PANEL_W - LEFT - 20;
        int plotBottom = PANEL_H - BOTTOM;
        int plotH = plotBottom - TOP;
        axis(g, plotX, plotW, plotBottom, plotH, top);

        int slot = plotW / results.size();
        int barW = Math.min(60, slot * 2 / 3);
        for (int i = 0; i < results.size(); i++) {
            Double value = results.get(i).number(figure.key());
            int cx = plotX + slot * i + slot / 2;
            g.setColor(Color.DARK_GRAY);
            if (value == null) {
                centered(g, "n/a", cx, plotBottom - 5);
                continue;
            }
            int h = top == 0 ? 0 : (int) Math.round(value / top * plotH);
            g.setColor(COLORS[i % COLORS.length]);
            g.fillRect(cx - barW / 2, plotBottom - h, barW, h);
            g.setColor(Color.BLACK);
            centered(g, format(value), cx, plotBottom - h - 4);
        }
    }

    /** The y axis with five grid lines from zero to {@code top}. */
    private static void axis(Graphics2D g, int plotX, int plotW, int plotBottom, int plotH, double top) {
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        for (int step = 0; step <= 5; step++) {
            int y = plotBottom - plotH * step / 5;
            g.setColor(step == 0 ? Color.BLACK : new Color(0xdddddd));
            g.setStroke(new BasicStroke(1));
            g.drawLine(plotX, y, plotX + plotW, y);
            g.setColor(Color.DARK_GRAY);
            String label = format(top * step / 5);
            g.drawString(label, plotX - 6 - g.getFontMetrics().stringWidth(label), y + 4);
        }
    }

    private static void legend(Graphics2D g, List<ResultFile> results, int y0) {
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        for (int i = 0; i < results.size(); i++) {
            int y = y0 + LEGEND_ROW * i;
            g.setColor(COLORS[i % COLORS.length]);
            g.fillRect(LEFT, y, 14, 14);
            g.setColor(Color.BLACK);
            g.drawString(results.get(i).label(), LEFT + 22, y + 12);
        }
    }

    /** 1, 2 or 5 times a power of ten, at or above {@code max}. */
    private static double niceCeiling(double max) {
        if (max <= 0) return 1;
        double power = Math.pow(10, Math.floor(Math.log10(max)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * power >= max) return m * power;
        }
        return 10 * power;
    }

    private static String format(double v) {
        return v >= 100 || v == Math.rint(v) ? Long.toString(Math.round(v)) : String.format("%.1f", v);
    }

    private static void centered(Graphics2D g, String text, int cx, int y) {
        g.drawString(text, cx - g.getFontMetrics().stringWidth(text) / 2, y);
    }
}

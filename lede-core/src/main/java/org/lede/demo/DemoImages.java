package org.lede.demo;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Abstract demo illustrations drawn with java.awt (no window, so it runs headless) and encoded as JPEG.
 * Each key has its own palette and motif; its random details are seeded by the key, so the bytes never change.
 */
final class DemoImages {
    /** Per key: top and bottom of the background gradient, then the motif's colour. */
    private static final Map<String, int[]> PALETTES = Map.ofEntries(
            Map.entry("harbor", new int[] {0x1d3557, 0xf4a261, 0xe9f1f7}),
                    Map.entry("skyline", new int[] {0x2b2d42, 0xef8354, 0xfde8c9}),
            Map.entry("lab", new int[] {0x0b3d4c, 0x3fb8af, 0xe0fbfc}),
                    Map.entry("grid", new int[] {0x14213d, 0x3a506b, 0xfca311}),
            Map.entry("field", new int[] {0x8ecae6, 0xe9c46a, 0x588157}),
                    Map.entry("market", new int[] {0x6d2e46, 0xf6bd60, 0xf7ede2}),
            Map.entry("rail", new int[] {0x22223b, 0x9a8c98, 0xf2e9e4}),
                    Map.entry("storm", new int[] {0x0d1b2a, 0x778da9, 0xe0e1dd}),
            Map.entry("clinic", new int[] {0xd8f3dc, 0x74c69d, 0x1b4332}),
                    Map.entry("summit", new int[] {0x3d405b, 0xf2cc8f, 0xf4f1de}),
            Map.entry("chip", new int[] {0x10002b, 0x5a189a, 0x64dfdf}),
                    Map.entry("river", new int[] {0x2d6a4f, 0x90e0ef, 0xcaf0f8}),
            Map.entry("forest", new int[] {0x081c15, 0x52b788, 0xd8f3dc}),
                    Map.entry("ledger", new int[] {0xfefae0, 0xdda15e, 0x283618}));

    /** The image keys, sorted. */
    static final List<String> KEYS = PALETTES.keySet().stream().sorted().toList();

    private DemoImages() {}

    /** Draws the illustration for {@code key} at the given size (16 to 4000 pixels a side) as JPEG bytes. */
    static byte[] jpeg(String key, int width, int height) {
        int[] colors = key == null ? null : PALETTES.get(key);
        if (colors == null || width < 16 || height < 16 || width > 4000 || height > 4000) {
            throw new IllegalArgumentException(
                    colors == null
                            ? "Unknown demo image key: " + key
                            : "Demo image size out of range: " + width + "x" + height);
        }
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setPaint(new GradientPaint(0, 0, new Color(colors[0]), 0, height, new Color(colors[1])));
            g.fillRect(0, 0, width, height);
            Random random = new Random(key.hashCode() * 1125899906842597L);
            draw(g, key, colors[0], colors[2], random, width, height, Math.min(width, height) / 100f);
        } finally {
            g.dispose();
        }
        return encode(image);
    }

    private static Color tint(int rgb, int alpha) {
        return new Color((alpha << 24) | (rgb & 0xffffff), true);
    }

    private static void line(Graphics2D g, double x1, double y1, double x2, double y2) {
        g.draw(new Line2D.Double(x1, y1, x2, y2));
    }

    private static void draw(Graphics2D g, String key, int top, int accent, Random r, int w, int h, float u) {
        g.setStroke(new BasicStroke(Math.max(1f, 0.6f * u)));
        switch (key) {
            case "harbor", "river" -> {
                g.setColor(tint(accent, 160));
                g.fill(new Ellipse2D.Float(w * 0.7f, h * 0.15f, 14 * u, 14 * u));
                for (int i = 0; i < 7; i++) {
                    double y = h * (0.45 + i * 0.08), amp = (2 + r.nextFloat() * 3) * u, phase = r.nextFloat() * 6.28;
                    Path2D p = new Path2D.Double();
                    p.moveTo(0, y);
                    for (int x = 0; x <= w; x += 3) {
                        p.lineTo(x, y + amp * Math.sin(phase + x * 6.28 / (w * 0.35)));
                    }
                    g.setColor(tint(accent, 60 + i * 20));
                    g.draw(p);
                }
            }
            case "skyline" -> {
                for (int layer = 0; layer < 2; layer++) {
                    for (float x = -r.nextFloat() * 8 * u; x < w; x += (6 + r.nextFloat() * 8) * u) {
                        float bw = (5 + r.nextFloat() * 9) * u, bh = h * (0.2f + r.nextFloat() * (0.5f - layer * 0.2f));
                        g.setColor(layer == 0 ? tint(top, 150) : tint(0x111111, 210));
                        g.fill(new Rectangle2D.Float(x, h - bh, bw, bh));
                        g.setColor(tint(accent, 40 + 90 * layer));
                        g.fill(new Rectangle2D.Float(x + bw * 0.45f, h - bh + 2 * u, bw * 0.1f, bh - 4 * u));
                    }
                }
            }
            case "lab" -> {
                for (int i = 0; i < 18; i++) {
                    float d = (6 + r.nextFloat() * 22) * u,
                            x = r.nextFloat() * w - d / 2,
                            y = r.nextFloat() * h - d / 2;
                    g.setColor(tint(accent, 40 + r.nextInt(90)));
                    g.setStroke(new BasicStroke((0.5f + r.nextFloat() * 2) * u));
                    g.draw(new Ellipse2D.Float(x, y, d, d));
                    g.fill(new Ellipse2D.Float(
                            x + d * 0.3f, y + d * 0.3f, d * 0.4f * r.nextFloat(), d * 0.4f * r.nextFloat()));
                }
            }
            case "storm" -> {
                for (int i = 0; i < 70; i++) {
                    float x = r.nextFloat() * w * 1.2f, y = r.nextFloat() * h;
                    g.setColor(tint(accent, 40 + r.nextInt(110)));
                    line(g, x, y, x - 4 * u, y + 12 * u);
                }
                for (int i = 0; i < 7; i++) {
                    float d = (25 + r.nextFloat() * 25) * u;
                    g.setColor(tint(i % 2 == 0 ? top : 0x415a77, 230));
                    g.fill(new Ellipse2D.Float(i * w / 6f - d * 0.8f, -d * 0.6f + r.nextFloat() * 8 * u, d * 1.6f, d));
                }
            }
            case "grid", "chip" -> {
                float step = (key.equals("grid") ? 8 : 6) * u;
                g.setColor(tint(accent, 70));
                for (float x = 0; x < w; x += step) {
                    line(g, x, 0, x, h);
                }
                for (float y = 0; y < h; y += step) {
                    line(g, 0, y, w, y);
                }
                for (int i = 0; i < 24; i++) {
                    float x = r.nextInt((int) (w / step) + 1) * step, y = r.nextInt((int) (h / step) + 1) * step;
                    g.setColor(tint(accent, 120 + r.nextInt(120)));
                    g.fill(new Ellipse2D.Float(x - u, y - u, 2 * u, 2 * u));
                }
                if (key.equals("chip")) {
                    g.setColor(tint(accent, 200));
                    g.fill(new Rectangle2D.Float(w / 2f - 18 * u, h / 2f - 18 * u, 36 * u, 36 * u));
                    g.setColor(tint(top, 235));
                    g.fill(new Rectangle2D.Float(w / 2f - 15 * u, h / 2f - 15 * u, 30 * u, 30 * u));
                }
            }
            case "rail" -> {
                g.setColor(tint(accent, 180));
                double vx = w * (0.4 + r.nextFloat() * 0.2), vy = h * 0.35;
                line(g, vx, vy, w * 0.1, h);
                line(g, vx, vy, w * 0.9, h);
                for (double t = 0.05; t < 1; t += t * 0.25) {
                    line(g, vx + (w * 0.1 - vx) * t, vy + (h - vy) * t, vx + (w * 0.9 - vx) * t, vy + (h - vy) * t);
                }
            }
            case "field", "summit" -> {
                for (int i = 0; i < 4; i++) {
                    Path2D p = new Path2D.Float();
                    float base = h * (0.5f + i * 0.12f);
                    p.moveTo(0, h);
                    for (int k = 0; k <= 8; k++) {
                        float lift = key.equals("summit") ? (k % 2) * 25 * u * r.nextFloat() : 8 * u * r.nextFloat();
                        p.lineTo(w * k / 8f, base - lift);
                    }
                    p.lineTo(w, h);
                    p.closePath();
                    g.setColor(tint(accent, 90 + i * 40));
                    g.fill(p);
                }
            }
            case "market" -> {
                for (int i = 0; i < 6; i++) {
                    float x = i * w / 6f, aw = w / 6f - u, ah = (10 + r.nextFloat() * 8) * u;
                    g.setColor(tint(i % 2 == 0 ? accent : top, 220));
                    g.fill(new Rectangle2D.Float(x, h * 0.45f, aw, ah));
                    g.setColor(tint(0x000000, 60));
                    g.fill(new Rectangle2D.Float(x + u, h * 0.45f + ah, aw - 2 * u, h));
                }
            }
            case "clinic" -> {
                for (int i = 0; i < 10; i++) {
                    float c = (4 + r.nextFloat() * 12) * u, x = r.nextFloat() * w, y = r.nextFloat() * h;
                    g.setColor(tint(accent, 60 + r.nextInt(140)));
                    g.fill(new Rectangle2D.Float(x - c / 6, y - c / 2, c / 3, c));
                    g.fill(new Rectangle2D.Float(x - c / 2, y - c / 6, c, c / 3));
                }
            }
            case "forest" -> {
                for (int i = 0; i < 22; i++) {
                    float x = r.nextFloat() * w,
                            th = (15 + r.nextFloat() * 30) * u,
                            base = h * (0.7f + r.nextFloat() * 0.3f);
                    g.setColor(tint(accent, 80 + r.nextInt(120)));
                    g.fill(new Polygon(
                            new int[] {(int) x, (int) (x - th / 3), (int) (x + th / 3)},
                            new int[] {(int) (base - th), (int) base, (int) base},
                            3));
                }
            }
            default -> {
                for (float y = 6 * u; y < h; y += 5 * u) {
                    float len = (10 + r.nextFloat() * 25) * u;
                    g.setColor(tint(accent, 50));
                    line(g, 0, y, w, y);
                    g.setColor(tint(accent, 150));
                    g.fill(new Rectangle2D.Float(w * 0.62f - len, y - 2.4f * u, len, 1.6f * u));
                }
                g.setColor(tint(0x9b2226, 160));
                line(g, w * 0.66, 0, w * 0.66, h);
            }
        }
    }

    private static byte[] encode(BufferedImage image) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.82f);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}

package cn.basinguard.core.report;

import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.util.Matrix;
import org.locationtech.jts.geom.Envelope;

/**
 * The coordinate frame of a printed map: ticks on all four sides at round Gauss–Krüger metres, eastings above and
 * below, northings left and right (turned to run along the edge, so they take no more margin than the eastings),
 * each labelled in full ("3 412 000", eastings with their zone prefix where the data has one) so a reader can take a
 * coordinate off the paper without the CRS note.
 */
final class EdgeTicks {
    /** How far the ticks and their labels reach out of the frame, in points: the margin a page must leave. */
    static final float OUTSIDE = 14;
    static final float LABEL_SIZE = 6.5f;
    private static final float TICK = 4;
    private static final float GAP = 2;
    /**
     * At least this many ticks on the longer side; the 1-2-5 steps then give at most about ten on it, and on the
     * shorter side of an A4 or A3 frame two to six.
     */
    private static final int MIN_TICKS = 4;

    private EdgeTicks() {
    }

    /** The largest 1-2-5 step in metres with at least four ticks along a side of {@code longSide} metres. */
    static double interval(double longSide) {
        double decade = Math.pow(10, Math.floor(Math.log10(longSide / MIN_TICKS)));
        double best = decade;
        for (double s : new double[] {1, 2, 5, 10}) {
            if (s * decade * MIN_TICKS <= longSide) {
                best = s * decade;
            }
        }
        return best;
    }

    /** Metres grouped by threes with a space, as Chinese topographic maps print them: 3412000 → "3 412 000". */
    static String label(double metres) {
        String digits = Long.toString(Math.round(metres));
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % 3 == 0 && digits.charAt(i - 1) != '-') {
                sb.append(' ');
            }
            sb.append(digits.charAt(i));
        }
        return sb.toString();
    }

    /**
     * Draws the ticks and labels round {@code frame}, which shows {@code ground} (map metres) edge to edge. A tick
     * whose label would stick out past the frame's corner is left out with it: a bare tick there reads as a stray
     * continuation of the frame line.
     */
    static void draw(PDPageContentStream cs, PdfText text, PDRectangle frame, Envelope ground) throws IOException {
        double step = interval(Math.max(ground.getWidth(), ground.getHeight()));
        double ptPerMetre = frame.getWidth() / ground.getWidth();
        float left = frame.getLowerLeftX();
        float right = frame.getUpperRightX();
        float bottom = frame.getLowerLeftY();
        float top = frame.getUpperRightY();
        float ascent = LABEL_SIZE * 0.73f;
        cs.setStrokingColor(Color.BLACK);
        cs.setNonStrokingColor(Color.BLACK);
        cs.setLineWidth(0.6f);
        for (double e : multiples(ground.getMinX(), ground.getMaxX(), step)) {
            String s = label(e);
            float half = text.width(s, LABEL_SIZE, false) / 2;
            float x = (float) (left + (e - ground.getMinX()) * ptPerMetre);
            if (x - half >= left && x + half <= right) {
                line(cs, x, bottom, x, bottom - TICK);
                line(cs, x, top, x, top + TICK);
                cs.stroke();
                text.draw(cs, s, x - half, bottom - TICK - GAP - ascent, LABEL_SIZE, false);
                text.draw(cs, s, x - half, top + TICK + GAP, LABEL_SIZE, false);
            }
        }
        for (double n : multiples(ground.getMinY(), ground.getMaxY(), step)) {
            String s = label(n);
            float half = text.width(s, LABEL_SIZE, false) / 2;
            float y = (float) (bottom + (n - ground.getMinY()) * ptPerMetre);
            if (y - half >= bottom && y + half <= top) {
                line(cs, left, y, left - TICK, y);
                line(cs, right, y, right + TICK, y);
                cs.stroke();
                upright(cs, text, s, left - TICK - GAP, y - half);
                upright(cs, text, s, right + TICK + GAP + ascent, y - half);
            }
        }
    }

    /** Multiples of {@code step} inside [min, max]. */
    static List<Double> multiples(double min, double max, double step) {
        List<Double> out = new ArrayList<>();
        for (long k = (long) Math.ceil(min / step); k * step <= max; k++) {
            out.add(k * step);
        }
        return out;
    }

    private static void line(PDPageContentStream cs, float x0, float y0, float x1, float y1) throws IOException {
        cs.moveTo(x0, y0);
        cs.lineTo(x1, y1);
    }

    /** Text reading upwards with its baseline on x = {@code x}, starting at y = {@code y}; the glyphs stand to the left. */
    private static void upright(PDPageContentStream cs, PdfText text, String s, float x, float y) throws IOException {
        cs.saveGraphicsState();
        cs.transform(new Matrix(0, 1, -1, 0, x, y));
        text.draw(cs, s, 0, 0, LABEL_SIZE, false);
        cs.restoreGraphicsState();
    }
}

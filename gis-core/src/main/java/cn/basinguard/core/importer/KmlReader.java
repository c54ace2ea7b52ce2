package cn.basinguard.core.importer;

import cn.basinguard.core.crs.Crs;
import cn.basinguard.core.crs.CrsRegistry;
import cn.basinguard.core.i18n.Messages;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/** Reads KML placemarks with Polygon or MultiGeometry (always WGS 84 lon/lat by the KML standard). */
public final class KmlReader {
    private static final GeometryFactory GF = new GeometryFactory();

    /** KML nests a polygon about 8 elements deep; folders add a few. Deeper documents are refused, not recursed into. */
    static final int MAX_DEPTH = 100;

    public ImportedSites read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file);
        }
    }

    /** Reads KML from a stream; {@code source} is what the result names (the file, or null). */
    ImportedSites read(InputStream in, Path source) throws IOException {
        Crs wgs84 = CrsRegistry.fromEpsg(4326);
        List<ImportProblem> problems = new ArrayList<>();
        List<ImportedSite> sites = new ArrayList<>();
        Document doc;
        try {
            doc = builder().parse(in);
        } catch (SAXParseException e) {
            problems.add(new ImportProblem(Math.max(0, e.getLineNumber()), syntax(e)));
            return new ImportedSites(source, wgs84, sites, problems);
        } catch (SAXException e) {
            problems.add(new ImportProblem(0, Messages.get("import.kml.syntax", 0, 0)));
            return new ImportedSites(source, wgs84, sites, problems);
        } catch (java.io.CharConversionException | java.io.UnsupportedEncodingException e) {
            // an encoding the XML declaration names but Java lacks ("UTF-9"), or bytes invalid in the one it names
            problems.add(new ImportProblem(0, Messages.get("import.kml.encoding")));
            return new ImportedSites(source, wgs84, sites, problems);
        }
        NodeList placemarks = doc.getElementsByTagNameNS("*", "Placemark");
        for (int i = 0; i < placemarks.getLength(); i++) {
            Element pm = (Element) placemarks.item(i);
            int index = i + 1;
            String name = childText(pm, "name");
            String id = pm.hasAttribute("id") ? pm.getAttribute("id") : String.valueOf(index);
            String label = name.isEmpty() ? id : name;
            String shown = GeoJsonReader.excerpt(label);
            List<Polygon> polys = new ArrayList<>();
            NodeList pl = pm.getElementsByTagNameNS("*", "Polygon");
            boolean[] closed = {false};
            try {
                for (int k = 0; k < pl.getLength(); k++) {
                    polys.add(polygon((Element) pl.item(k), closed));
                }
            } catch (SiteProblem e) {
                problems.add(new ImportProblem(index, Messages.get("import.kml.badGeometry", shown, e.getMessage())));
                continue;
            }
            if (polys.isEmpty()) {
                problems.add(new ImportProblem(index, Messages.get("import.kml.notPolygon", shown)));
                continue;
            }
            if (closed[0]) {
                problems.add(new ImportProblem(index, Messages.get("import.kml.unclosed", shown)));
            }
            sites.add(new ImportedSite(label, id, extendedData(pm),
                polys.size() == 1 ? polys.get(0) : GF.createMultiPolygon(polys.toArray(Polygon[]::new)), null));
        }
        return new ImportedSites(source, wgs84, sites, problems);
    }

    /** What is wrong with the XML, in the program's words: the parser's own text is English and technical. */
    private static String syntax(SAXParseException e) {
        String parser = String.valueOf(e.getMessage());
        if (parser.contains("maxElementDepth") || parser.contains("JAXP00081")) {
            return Messages.get("import.kml.tooDeep", MAX_DEPTH);
        }
        if (parser.contains("DOCTYPE")) {
            return Messages.get("import.kml.doctype");
        }
        if (e.getLineNumber() <= 1 && e.getColumnNumber() <= 1) {
            return Messages.get("import.kml.empty");
        }
        return Messages.get("import.kml.syntax", Math.max(0, e.getLineNumber()), Math.max(0, e.getColumnNumber()));
    }

    /** A parser per thread: finding and configuring the factory took longer than parsing a site file. */
    private static final ThreadLocal<DocumentBuilder> BUILDER = new ThreadLocal<>();

    private static DocumentBuilder builder() throws IOException {
        DocumentBuilder b = BUILDER.get();
        if (b == null) {
            b = newBuilder();
            BUILDER.set(b);
        } else {
            b.reset();
            b.setErrorHandler(QUIET);
        }
        return b;
    }

    private static DocumentBuilder newBuilder() throws IOException {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            // a site file from a phone or web tool must not make us read local files or the network (XXE)
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            // the DOM and our walk over it recurse per element level: the parser refuses deeper documents first
            f.setAttribute("http://www.oracle.com/xml/jaxp/properties/maxElementDepth", MAX_DEPTH);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(QUIET);
            return b;
        } catch (ParserConfigurationException | IllegalArgumentException e) {
            throw new IOException(e);
        }
    }

    /**
     * Without an error handler the JDK's parser prints "[Fatal Error] :1:1: …" to stderr before throwing; the
     * problem is reported once, as an import problem, instead.
     */
    private static final ErrorHandler QUIET = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
            // warnings (e.g. an unknown encoding name that still decodes) do not stop the reading
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    };

    private static Map<String, Object> extendedData(Element pm) {
        Map<String, Object> attrs = new LinkedHashMap<>();
        NodeList data = pm.getElementsByTagNameNS("*", "Data");
        for (int i = 0; i < data.getLength(); i++) {
            Element d = (Element) data.item(i);
            attrs.put(d.getAttribute("name"), childText(d, "value"));
        }
        NodeList simple = pm.getElementsByTagNameNS("*", "SimpleData");
        for (int i = 0; i < simple.getLength(); i++) {
            Element d = (Element) simple.item(i);
            attrs.put(d.getAttribute("name"), d.getTextContent().strip());
        }
        return attrs;
    }

    private static Polygon polygon(Element polygon, boolean[] closed) throws SiteProblem {
        LinearRing shell = null;
        List<LinearRing> holes = new ArrayList<>();
        for (Node n = polygon.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && "outerBoundaryIs".equals(e.getLocalName())) {
                shell = ring(e, closed);
            } else if (n instanceof Element e && "innerBoundaryIs".equals(e.getLocalName())) {
                holes.add(ring(e, closed));
            }
        }
        if (shell == null) {
            throw new SiteProblem("import.kml.noOuter");
        }
        return GF.createPolygon(shell, holes.toArray(LinearRing[]::new));
    }

    private static LinearRing ring(Element boundary, boolean[] closed) throws SiteProblem {
        NodeList coords = boundary.getElementsByTagNameNS("*", "coordinates");
        if (coords.getLength() == 0) {
            throw new SiteProblem("import.kml.noCoordinates");
        }
        String text = coords.item(0).getTextContent().strip();
        List<Coordinate> c = new ArrayList<>();
        for (String tuple : text.isEmpty() ? new String[0] : text.split("\\s+")) {
            String[] v = tuple.split(",", -1);
            if (v.length < 2) {
                throw new SiteProblem("import.kml.badTuple", GeoJsonReader.excerpt(tuple));
            }
            double x = number(v[0], tuple);
            double y = number(v[1], tuple);
            CoordinateLimits.check(x, y, CrsRegistry.fromEpsg(4326));
            c.add(new Coordinate(x, y));
        }
        Rings.Ring r = Rings.close(c);
        closed[0] |= r.closedByReader();
        return GF.createLinearRing(r.points());
    }

    private static double number(String text, String tuple) throws SiteProblem {
        try {
            return Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw new SiteProblem("import.kml.badTuple", GeoJsonReader.excerpt(tuple));
        }
    }

    private static String childText(Element parent, String local) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && local.equals(e.getLocalName())) {
                return e.getTextContent().strip();
            }
        }
        return "";
    }
}

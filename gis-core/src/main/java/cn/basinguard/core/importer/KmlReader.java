package cn.basinguard.core.importer;

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
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/** Reads KML placemarks with Polygon or MultiGeometry (always WGS 84 lon/lat by the KML standard). */
public final class KmlReader {
    private static final GeometryFactory GF = new GeometryFactory();

    public ImportedSites read(Path file) throws IOException {
        List<ImportProblem> problems = new ArrayList<>();
        List<ImportedSite> sites = new ArrayList<>();
        Document doc;
        try (InputStream in = Files.newInputStream(file)) {
            doc = builder().parse(in);
        } catch (SAXParseException e) {
            problems.add(new ImportProblem(e.getLineNumber(), Messages.get("import.kml.syntax", e.getMessage())));
            return new ImportedSites(file, CrsRegistry.fromEpsg(4326), sites, problems);
        } catch (SAXException e) {
            problems.add(new ImportProblem(0, Messages.get("import.kml.syntax", e.getMessage())));
            return new ImportedSites(file, CrsRegistry.fromEpsg(4326), sites, problems);
        }
        NodeList placemarks = doc.getElementsByTagNameNS("*", "Placemark");
        for (int i = 0; i < placemarks.getLength(); i++) {
            Element pm = (Element) placemarks.item(i);
            int index = i + 1;
            String name = childText(pm, "name");
            String id = pm.hasAttribute("id") ? pm.getAttribute("id") : String.valueOf(index);
            List<Polygon> polys = new ArrayList<>();
            NodeList pl = pm.getElementsByTagNameNS("*", "Polygon");
            try {
                for (int k = 0; k < pl.getLength(); k++) {
                    polys.add(polygon((Element) pl.item(k)));
                }
            } catch (RuntimeException e) {
                problems.add(new ImportProblem(index, Messages.get("import.kml.badGeometry", name, e.getMessage())));
                continue;
            }
            if (polys.isEmpty()) {
                problems.add(new ImportProblem(index, Messages.get("import.kml.notPolygon", name)));
                continue;
            }
            sites.add(new ImportedSite(name.isEmpty() ? id : name, id, extendedData(pm),
                polys.size() == 1 ? polys.get(0) : GF.createMultiPolygon(polys.toArray(Polygon[]::new)), null));
        }
        return new ImportedSites(file, CrsRegistry.fromEpsg(4326), sites, problems);
    }

    private static DocumentBuilder builder() throws IOException {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            // a site file from a phone or web tool must not make us read local files or the network (XXE)
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            f.setExpandEntityReferences(false);
            return f.newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IOException(e);
        }
    }

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

    private static Polygon polygon(Element polygon) {
        LinearRing shell = null;
        List<LinearRing> holes = new ArrayList<>();
        for (Node n = polygon.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getLocalName().equals("outerBoundaryIs")) {
                shell = ring(e);
            } else if (n instanceof Element e && e.getLocalName().equals("innerBoundaryIs")) {
                holes.add(ring(e));
            }
        }
        if (shell == null) {
            throw new IllegalArgumentException("outerBoundaryIs missing");
        }
        return GF.createPolygon(shell, holes.toArray(LinearRing[]::new));
    }

    private static LinearRing ring(Element boundary) {
        NodeList coords = boundary.getElementsByTagNameNS("*", "coordinates");
        String[] tuples = coords.item(0).getTextContent().strip().split("\\s+");
        Coordinate[] c = new Coordinate[tuples.length];
        for (int i = 0; i < tuples.length; i++) {
            String[] v = tuples[i].split(",");
            c[i] = new Coordinate(Double.parseDouble(v[0]), Double.parseDouble(v[1]));
        }
        return GF.createLinearRing(c);
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

package dev.freshet.sample;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.openqa.selenium.JavascriptExecutor;

/**
 * The lineage graph as the browser drew it ({@code #lineage}): each node's box and label (its texts
 * together) in the drawing's coordinates, the drawing's size, and which nodes could not be brought
 * into the window by scrolling, and which edges pass behind a box they do not join (read as if that
 * box were on their way). What makes it readable is asked of these, not of the script that drew
 * them.
 */
record LineageDrawing(
    double width,
    double height,
    List<Node> nodes,
    int edges,
    List<String> outOfReach,
    List<String> edgesBehindBoxes) {

  record Node(String id, Box box, Box label) {}

  record Box(double x, double y, double width, double height) {
    boolean overlaps(Box other) {
      return x < other.x + other.width
          && other.x < x + width
          && y < other.y + other.height
          && other.y < y + height;
    }

    boolean contains(Box other) {
      return other.x >= x
          && other.y >= y
          && other.x + other.width <= x + width
          && other.y + other.height <= y + height;
    }
  }

  /**
   * Scrolls each node to the middle of the window and notes those whose box is not then wholly in
   * it: a node that scrolling cannot show is as good as missing.
   */
  private static final String READ =
      """
      const svg = document.getElementById('lineage');
      const box = (b) => ({ x: b.x, y: b.y, width: b.width, height: b.height });
      const union = (boxes) => {
        const x = Math.min(...boxes.map((b) => b.x)), y = Math.min(...boxes.map((b) => b.y));
        return { x, y, width: Math.max(...boxes.map((b) => b.x + b.width)) - x,
          height: Math.max(...boxes.map((b) => b.y + b.height)) - y };
      };
      const nodes = [...svg.querySelectorAll('.node')].map((g) => ({
        id: g.dataset.node,
        box: box(g.querySelector('rect').getBBox()),
        label: box(union([...g.querySelectorAll('text')].map((t) => t.getBBox()))) }));
      const outOfReach = [];
      for (const g of svg.querySelectorAll('.node')) {
        g.scrollIntoView({ block: 'center', inline: 'center' });
        const r = g.querySelector('rect').getBoundingClientRect();
        if (r.left < 0 || r.top < 0 || r.right > window.innerWidth || r.bottom > window.innerHeight) {
          outOfReach.push(g.dataset.node);
        }
      }
      window.scrollTo(0, 0);
      // 200 points along each edge (2 px apart on short ones; a box is 38 px tall, so a long
      // edge's wider steps still land in any box it crosses), against every box but its two
      // ends' (1 px inside them).
      const edgesBehindBoxes = [];
      for (const path of svg.querySelectorAll('.edge')) {
        const length = path.getTotalLength();
        const step = Math.max(2, length / 200);
        const points = [];
        for (let at = 0; at <= length; at += step) {
          points.push(path.getPointAtLength(at));
        }
        for (const node of nodes) {
          if (node.id === path.dataset.from || node.id === path.dataset.to) {
            continue;
          }
          const b = node.box;
          if (points.some((p) => p.x > b.x + 1 && p.x < b.x + b.width - 1
              && p.y > b.y + 1 && p.y < b.y + b.height - 1)) {
            edgesBehindBoxes.push(path.dataset.from + ' -> ' + path.dataset.to + ' behind ' + node.id);
          }
        }
      }
      return JSON.stringify({ width: svg.width.baseVal.value, height: svg.height.baseVal.value,
        nodes, edges: svg.querySelectorAll('.edge').length, outOfReach, edgesBehindBoxes });
      """;

  static LineageDrawing of(JavascriptExecutor page) throws Exception {
    JsonNode drawn = new ObjectMapper().readTree((String) page.executeScript(READ));
    List<Node> nodes = new ArrayList<>();
    for (JsonNode node : drawn.get("nodes")) {
      nodes.add(new Node(node.get("id").asText(), box(node.get("box")), box(node.get("label"))));
    }
    List<String> outOfReach = new ArrayList<>();
    drawn.get("outOfReach").forEach(id -> outOfReach.add(id.asText()));
    List<String> edgesBehindBoxes = new ArrayList<>();
    drawn.get("edgesBehindBoxes").forEach(edge -> edgesBehindBoxes.add(edge.asText()));
    return new LineageDrawing(
        drawn.get("width").asDouble(),
        drawn.get("height").asDouble(),
        nodes,
        drawn.get("edges").asInt(),
        outOfReach,
        edgesBehindBoxes);
  }

  private static Box box(JsonNode box) {
    return new Box(
        box.get("x").asDouble(),
        box.get("y").asDouble(),
        box.get("width").asDouble(),
        box.get("height").asDouble());
  }

  List<String> ids() {
    return nodes.stream().map(Node::id).toList();
  }

  /** Each pair of nodes whose boxes overlap, as "a / b". */
  List<String> overlapping() {
    List<String> pairs = new ArrayList<>();
    for (int i = 0; i < nodes.size(); i++) {
      for (int j = i + 1; j < nodes.size(); j++) {
        if (nodes.get(i).box().overlaps(nodes.get(j).box())) {
          pairs.add(nodes.get(i).id() + " / " + nodes.get(j).id());
        }
      }
    }
    return pairs;
  }

  /** The nodes whose box is not wholly inside the drawing. */
  List<String> outsideTheDrawing() {
    Box drawing = new Box(0, 0, width, height);
    return nodes.stream().filter(n -> !drawing.contains(n.box())).map(Node::id).toList();
  }

  /** The nodes whose label (name and kind) runs out of their box. */
  List<String> labelsCut() {
    return nodes.stream().filter(n -> !n.box().contains(n.label())).map(Node::id).toList();
  }
}

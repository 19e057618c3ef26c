package display

import (
	"image"
	"image/color"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gograd/gograd/nn"
)

// neuron builds micrograd's example neuron o = tanh(x1*w1 + x2*w2 + b) and backpropagates.
func neuron() *nn.Value {
	x1, x2 := nn.NewValue(2, "x1"), nn.NewValue(0, "x2")
	w1, w2 := nn.NewValue(-3, "w1"), nn.NewValue(1, "w2")
	b := nn.NewValue(6.8813735870195432, "b")
	n := x1.Mul(w1).Add(x2.Mul(w2)).Add(b)
	o := n.Tanh()
	o.Label = "o"
	o.Backward()
	return o
}

// savePNG writes img under /tmp for looking at, when GOGRAD_SAVE_PICTURES is set.
func savePicture(t *testing.T, name string, img image.Image) {
	t.Helper()
	if os.Getenv("GOGRAD_SAVE_PICTURES") == "" {
		return
	}
	b, err := ImageBundle(img)
	if err != nil {
		t.Fatal(err)
	}
	writeBundlePNG(t, filepath.Join(os.TempDir(), name), b)
}

func TestGraphLayout(t *testing.T) {
	o := neuron()
	g := NewValueGraph(o)
	if len(g.nodes) != len(o.Topo()) {
		t.Fatalf("%d nodes drawn, graph has %d", len(g.nodes), len(o.Topo()))
	}
	// Every edge goes left to right, and no two boxes overlap.
	for _, e := range g.edges {
		if g.nodes[e[0]].box.Max.X >= g.nodes[e[1]].box.Min.X {
			t.Errorf("edge %q -> %q goes backwards", g.nodes[e[0]].text, g.nodes[e[1]].text)
		}
	}
	for i, a := range g.nodes {
		for _, b := range g.nodes[i+1:] {
			if overlap(a.box, b.box) {
				t.Errorf("boxes %q and %q overlap", a.text, b.text)
			}
		}
	}
	root := g.nodes[len(g.nodes)-1]
	if root.kind != 2 || root.text != "o | data 0.7071 | grad 1.0000" {
		t.Errorf("root box = %+v", root)
	}
	img := Graph(o)
	w, h := g.Size()
	if got, want := img.Bounds().Dx(), int(float64(w)/72*100+0.5); absInt(got-want) > 1 {
		t.Errorf("image width %d, want %d", got, want)
	}
	if img.Bounds().Dy() < 100 || img.Bounds().Dy() > 400 || h <= 0 {
		t.Errorf("image height %d out of range", img.Bounds().Dy())
	}
	if n := countDark(img); n < 2000 {
		t.Errorf("only %d dark pixels: text and lines missing", n)
	}
	savePicture(t, "gograd-graph.png", img)
	b, ok := BundleOf(g)
	if !ok || decodePNG(t, b).Bounds() != img.Bounds() {
		t.Errorf("ValueGraph bundle differs from Graph's image")
	}
	svg, err := DrawerBundle(g, PlotOptions{Width: w, Height: h, Format: "svg"})
	if err != nil || !strings.Contains(svg.Data["image/svg+xml"].(string), "tanh") {
		t.Errorf("svg graph: %v", err)
	}
}

func TestGraphTooLarge(t *testing.T) {
	v := nn.V(0)
	for i := 0; i < MaxGraphNodes; i++ {
		v = v.AddF(1)
	}
	g := NewValueGraph(v)
	if g.note == "" || len(g.nodes) != 0 {
		t.Fatalf("graph of %d nodes drawn node by node", len(v.Topo()))
	}
	if img := Graph(v); img.Bounds().Dx() < 200 {
		t.Errorf("note image too small: %v", img.Bounds())
	}
	if b, ok := BundleOf((*nn.Value)(nil)); ok {
		t.Errorf("nil value shown: %v", keys(b))
	}
}

func overlap(a, b vgRect) bool {
	return a.Min.X < b.Max.X && b.Min.X < a.Max.X && a.Min.Y < b.Max.Y && b.Min.Y < a.Max.Y
}

func absInt(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// countDark counts the pixels darker than mid-grey.
func countDark(img image.Image) int {
	n := 0
	r := img.Bounds()
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			if color.GrayModel.Convert(img.At(x, y)).(color.Gray).Y < 128 {
				n++
			}
		}
	}
	return n
}

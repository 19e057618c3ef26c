package display

import (
	"strings"
	"testing"

	"github.com/gograd/gograd/nn"
)

func TestTensorHTMLSmall(t *testing.T) {
	x := nn.FromRows([][]float64{{1, 2.5, -3}, {4, 5, 6}})
	b, ok := BundleOf(x)
	if !ok {
		t.Fatal("tensor not shown")
	}
	h := b.Data["text/html"].(string)
	for _, want := range []string{"[2 3]", ">2.5<", ">-3<", ">6<"} {
		if !strings.Contains(h, want) {
			t.Errorf("html lacks %q: %s", want, h)
		}
	}
	if n := strings.Count(h, "<tr>"); n != 2 {
		t.Errorf("%d rows, want 2", n)
	}
	if strings.Contains(h, "⋯") || strings.Contains(h, "⋮") {
		t.Error("small tensor abbreviated")
	}
}

func TestTensorHTMLAbbreviatesLarge(t *testing.T) {
	data := make([]float32, 100*50)
	for i := range data {
		data[i] = float32(i)
	}
	h := TensorHTML(nn.NewTensor(data, 100, 50))
	if n := strings.Count(h, "<tr>"); n != 15 {
		t.Errorf("%d rows, want 10 + gap + 4 = 15", n)
	}
	if n := strings.Count(h, "<td"); n != 15*10 {
		t.Errorf("%d cells, want 150", n)
	}
	// Last element (row 99, col 49) is shown; a middle one is not.
	if !strings.Contains(h, ">4999<") || strings.Contains(h, ">2525<") {
		t.Error("wrong cells kept")
	}
	if len(h) > 8000 {
		t.Errorf("html of %d bytes for an abbreviated table", len(h))
	}
}

func TestValueShowsGraph(t *testing.T) {
	b, ok := BundleOf(neuron())
	if !ok {
		t.Fatal("value not shown")
	}
	if img := decodePNG(t, b); img.Bounds().Dx() < 500 {
		t.Errorf("graph picture only %v", img.Bounds())
	}
}

package display

import (
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"strings"
	"testing"
)

func TestWriterTextKinds(t *testing.T) {
	rec := &recorder{}
	w := NewWriter(rec)
	w.HTML("<b>h</b>")
	w.Markdown("# m")
	w.LaTeX("$x^2$")
	w.SVG("<svg/>")
	want := []string{"text/html", "text/markdown", "text/latex", "image/svg+xml"}
	if len(rec.out) != len(want) {
		t.Fatalf("%d outputs", len(rec.out))
	}
	for i, o := range rec.out {
		if o.id != "" || o.update {
			t.Errorf("output %d is updatable: %+v", i, o)
		}
		if o.b.Data[want[i]] == nil || o.b.Data["text/plain"] == nil {
			t.Errorf("output %d: %v, want %s and text/plain", i, keys(o.b), want[i])
		}
	}
	w.Clear()
	w.ClearWait()
	if len(rec.clears) != 2 || rec.clears[0] || !rec.clears[1] {
		t.Errorf("clears = %v", rec.clears)
	}
}

func TestWriterImages(t *testing.T) {
	rec := &recorder{}
	w := NewWriter(rec)
	img := image.NewRGBA(image.Rect(0, 0, 4, 2))
	img.Set(1, 1, color.White)
	var pb, jb bytes.Buffer
	png.Encode(&pb, img)
	jpeg.Encode(&jb, img, nil)
	for _, err := range []error{w.PNG(pb.Bytes()), w.JPEG(jb.Bytes()), w.Image(img)} {
		if err != nil {
			t.Fatal(err)
		}
	}
	if err := w.PNG(jb.Bytes()); err == nil || !strings.HasPrefix(err.Error(), "display: ") {
		t.Errorf("PNG of JPEG bytes: %v", err)
	}
	if len(rec.out) != 3 {
		t.Fatalf("%d outputs (a failed call must show nothing)", len(rec.out))
	}
	md := rec.out[1].b.Metadata["image/jpeg"].(map[string]any)
	if md["width"] != 4 || md["height"] != 2 {
		t.Errorf("jpeg metadata %v", md)
	}
	if err := w.Plot(nil); err == nil {
		t.Error("nil plot accepted")
	}
	if err := w.Show(42); err == nil {
		t.Error("Show(42) accepted")
	}
}

func TestWriterJSON(t *testing.T) {
	rec := &recorder{}
	w := NewWriter(rec)
	if err := w.JSON(map[string]int{"a": 1}); err != nil {
		t.Fatal(err)
	}
	if err := w.JSON(`{"b": [1, 2]}`); err != nil {
		t.Fatal(err)
	}
	if err := w.JSON("{bad"); err == nil {
		t.Error("invalid JSON text accepted")
	}
	tree := rec.out[0].b.Data["application/json"].(map[string]any)
	if tree["a"] != 1.0 {
		t.Errorf("tree %v", tree)
	}
	if !strings.Contains(rec.out[1].b.Data["text/plain"].(string), "\"b\": [") {
		t.Errorf("plain fallback %q", rec.out[1].b.Data["text/plain"])
	}
}

func TestHandleReplacesInPlace(t *testing.T) {
	rec := &recorder{}
	w := NewWriter(rec)
	h1, h2 := w.NewHandle(), w.NewHandle()
	if h1.ID() == h2.ID() || !strings.HasPrefix(h1.ID(), "gograd-") {
		t.Fatalf("ids %q %q", h1.ID(), h2.ID())
	}
	if NewWriter(rec).NewHandle().ID() == h1.ID() {
		t.Error("two sessions share display ids")
	}
	h1.Text("0%")
	h1.HTML("<b>50%</b>")
	if err := h1.Plot(linePlot(t)); err != nil {
		t.Fatal(err)
	}
	if err := h1.Show(42); err == nil {
		t.Error("Show(42) accepted")
	}
	h2.Markdown("other")
	want := []published{{id: h1.ID()}, {id: h1.ID(), update: true}, {id: h1.ID(), update: true}, {id: h2.ID()}}
	if len(rec.out) != len(want) {
		t.Fatalf("%d outputs, want %d", len(rec.out), len(want))
	}
	for i, w := range want {
		if rec.out[i].id != w.id || rec.out[i].update != w.update {
			t.Errorf("output %d: %q %v, want %q %v", i, rec.out[i].id, rec.out[i].update, w.id, w.update)
		}
	}
	decodePNG(t, rec.out[2].b)
}

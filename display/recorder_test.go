package display

import (
	"bytes"
	"encoding/base64"
	"image"
	"image/png"
	"os"
	"sync"
	"testing"

	"gonum.org/v1/plot/vg"
)

// published is one call to recorder.Publish.
type published struct {
	b      Bundle
	id     string
	update bool
}

// recorder is a Publisher that keeps everything it is given.
type recorder struct {
	mu     sync.Mutex
	out    []published
	clears []bool
}

func (r *recorder) Publish(b Bundle, id string, update bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.out = append(r.out, published{b, id, update})
}

func (r *recorder) Clear(wait bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.clears = append(r.clears, wait)
}

// decodePNG decodes the base64 image/png of b, failing the test when it is missing or bad.
func decodePNG(t *testing.T, b Bundle) image.Image {
	t.Helper()
	s, ok := b.Data["image/png"].(string)
	if !ok {
		t.Fatalf("bundle has no image/png string: %v", keys(b))
	}
	raw, err := base64.StdEncoding.DecodeString(s)
	if err != nil {
		t.Fatalf("image/png is not base64: %v", err)
	}
	img, err := png.Decode(bytes.NewReader(raw))
	if err != nil {
		t.Fatalf("image/png does not decode: %v", err)
	}
	return img
}

func keys(b Bundle) []string {
	var ks []string
	for k := range b.Data {
		ks = append(ks, k)
	}
	return ks
}

type vgRect = vg.Rectangle

// writeBundlePNG writes the image/png of b to path.
func writeBundlePNG(t *testing.T, path string, b Bundle) {
	t.Helper()
	raw, err := base64.StdEncoding.DecodeString(b.Data["image/png"].(string))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, raw, 0o644); err != nil {
		t.Fatal(err)
	}
}

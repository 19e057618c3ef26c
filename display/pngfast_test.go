package display

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"testing"
)

func TestEncodePNGRoundTrips(t *testing.T) {
	img := image.NewRGBA(image.Rect(0, 0, 37, 5))
	for y := 0; y < 5; y++ {
		for x := 0; x < 37; x++ {
			img.Set(x, y, color.RGBA{R: uint8(7 * x), G: uint8(50 * y), B: uint8(x ^ y), A: 255})
		}
	}
	sub := img.SubImage(image.Rect(3, 1, 20, 4)).(*image.RGBA)
	translucent := image.NewRGBA(image.Rect(0, 0, 2, 2))
	translucent.Set(1, 1, color.RGBA{R: 10, A: 128})
	var reused pngEncoder // must give the same bytes, whatever it encoded before
	for _, src := range []*image.RGBA{img, translucent, sub, img} {
		b, err := encodePNG(src)
		if err != nil {
			t.Fatal(err)
		}
		again, err := reused.encode(src)
		if err != nil || !bytes.Equal(again, b) {
			t.Fatalf("%v: a reused encoder wrote other bytes (%v)", src.Bounds(), err)
		}
		got, err := png.Decode(bytes.NewReader(b))
		if err != nil {
			t.Fatalf("%v: %v", src.Bounds(), err)
		}
		r := src.Bounds()
		if got.Bounds().Dx() != r.Dx() || got.Bounds().Dy() != r.Dy() {
			t.Fatalf("size %v, want %v", got.Bounds(), r)
		}
		for y := 0; y < r.Dy(); y++ {
			for x := 0; x < r.Dx(); x++ {
				// ±1: image/png stores translucent pixels unpremultiplied, which rounds.
				a, b := color.RGBAModel.Convert(got.At(x, y)).(color.RGBA), src.RGBAAt(r.Min.X+x, r.Min.Y+y)
				if off(a.R, b.R) || off(a.G, b.G) || off(a.B, b.B) || a.A != b.A {
					t.Fatalf("%v: pixel (%d,%d) = %v, want %v", r, x, y, a, b)
				}
			}
		}
	}
}

func off(a, b uint8) bool { return a > b+1 || b > a+1 }

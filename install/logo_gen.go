//go:build ignore

// logo_gen draws the kernel's logos: a nabla (the gradient operator) on Go's blue. It writes
// kernelspec/logo-svg.svg and the two PNG sizes Jupyter front ends ask for, from the same
// geometry, so the three always match. Run by `go generate ./install`.
package main

import (
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math"
	"os"
)

// The picture in a 64x64 design space.
const (
	radius = 12.0 // corner radius of the tile
	stroke = 6.0  // width of the nabla's outline
)

var (
	blue  = color.NRGBA{0x00, 0xAD, 0xD8, 0xFF}
	white = color.NRGBA{0xFF, 0xFF, 0xFF, 0xFF}
	// Corners of the nabla: a wide top edge and a point at the bottom.
	nabla = [3][2]float64{{13, 17}, {51, 17}, {32, 51}}
)

func main() {
	writeSVG("kernelspec/logo-svg.svg")
	for _, size := range []int{32, 64} {
		writePNG(fmt.Sprintf("kernelspec/logo-%dx%d.png", size, size), size)
	}
}

func writeSVG(path string) {
	svg := fmt.Sprintf(`<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64">
<rect width="64" height="64" rx="%g" fill="#00ADD8"/>
<path d="M%g %g L%g %g L%g %g Z" fill="none" stroke="#FFFFFF" stroke-width="%g" stroke-linejoin="round"/>
</svg>
`, radius, nabla[0][0], nabla[0][1], nabla[1][0], nabla[1][1], nabla[2][0], nabla[2][1], stroke)
	must(os.WriteFile(path, []byte(svg), 0o644))
}

// writePNG rasterises the design at size x size pixels with 8x8 supersampling.
func writePNG(path string, size int) {
	img := image.NewNRGBA(image.Rect(0, 0, size, size))
	const ss = 8
	scale := 64 / float64(size)
	for py := 0; py < size; py++ {
		for px := 0; px < size; px++ {
			var r, g, b, a float64
			for sy := 0; sy < ss; sy++ {
				for sx := 0; sx < ss; sx++ {
					x := (float64(px) + (float64(sx)+0.5)/ss) * scale
					y := (float64(py) + (float64(sy)+0.5)/ss) * scale
					c, ok := sample(x, y)
					if !ok {
						continue
					}
					r, g, b, a = r+float64(c.R), g+float64(c.G), b+float64(c.B), a+1
				}
			}
			if a == 0 {
				continue
			}
			img.SetNRGBA(px, py, color.NRGBA{uint8(r / a), uint8(g / a), uint8(b / a), uint8(255 * a / (ss * ss))})
		}
	}
	f, err := os.Create(path)
	must(err)
	must(png.Encode(f, img))
	must(f.Close())
}

// sample tells the colour at a point of the design, and false outside the rounded tile.
func sample(x, y float64) (color.NRGBA, bool) {
	cx := math.Max(math.Max(radius-x, 0), x-(64-radius))
	cy := math.Max(math.Max(radius-y, 0), y-(64-radius))
	if cx*cx+cy*cy > radius*radius {
		return color.NRGBA{}, false
	}
	for i := range nabla {
		a, b := nabla[i], nabla[(i+1)%3]
		if segmentDistance(x, y, a, b) <= stroke/2 {
			return white, true
		}
	}
	return blue, true
}

func segmentDistance(x, y float64, a, b [2]float64) float64 {
	dx, dy := b[0]-a[0], b[1]-a[1]
	t := ((x-a[0])*dx + (y-a[1])*dy) / (dx*dx + dy*dy)
	t = math.Max(0, math.Min(1, t))
	return math.Hypot(x-(a[0]+t*dx), y-(a[1]+t*dy))
}

func must(err error) {
	if err != nil {
		panic(err)
	}
}

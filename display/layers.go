package display

import (
	"fmt"
	"image/color"

	"github.com/gograd/gograd/nn"
	"gonum.org/v1/plot/plotutil"
	"gonum.org/v1/plot/vg"
)

// layerColors tell up to 12 layers apart: the Tableau 10 palette and two darker colours. Past
// 12, the colours repeat with dashes (see layerStyle).
var layerColors = [...]color.NRGBA{
	{0x1f, 0x77, 0xb4, 0xff}, {0xff, 0x7f, 0x0e, 0xff}, {0x2c, 0xa0, 0x2c, 0xff},
	{0xd6, 0x27, 0x28, 0xff}, {0x94, 0x67, 0xbd, 0xff}, {0x8c, 0x56, 0x4b, 0xff},
	{0xe3, 0x77, 0xc2, 0xff}, {0x7f, 0x7f, 0x7f, 0xff}, {0xbc, 0xbd, 0x22, 0xff},
	{0x17, 0xbe, 0xcf, 0xff}, {0x1a, 0x1a, 0x5e, 0xff}, {0x8a, 0x6d, 0x00, 0xff},
}

// layerStyle returns the colour and dashes of the layer at index i (from 0) of a per-layer
// plot, the same in every plot: layer i of GradientNorms has the colour of layer i in
// Histograms.
func layerStyle(i int) (color.Color, []vg.Length) {
	if i < 0 {
		return color.Gray{0x60}, nil
	}
	return layerColors[i%len(layerColors)], plotutil.Dashes(i / len(layerColors))
}

// layerName is names[l], or "layer l+1" when there is no name.
func layerName(names []string, l int) string {
	if l < len(names) && names[l] != "" {
		return names[l]
	}
	return "layer " + itoa(l+1)
}

// recordedName names a layer with parameters as nn's Recorder does in History.LayerNames:
// its number among the layers with parameters, from 1, a colon and its String ("2:Linear(16→16)").
func recordedName(k int, l nn.Module) string {
	if s, ok := l.(fmt.Stringer); ok {
		return fmt.Sprintf("%d:%s", k, s.String())
	}
	return fmt.Sprintf("%d:Module", k)
}

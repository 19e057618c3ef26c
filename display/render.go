package display

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
	"gonum.org/v1/plot/vg/vgsvg"
)

// PlotOptions says how a plot becomes an image. The zero value of each field means its
// default (see DefaultPlotOptions).
type PlotOptions struct {
	Width, Height vg.Length // size of the picture; 6 by 4 inches by default
	DPI           int       // dots per inch of a PNG; 100 by default
	Format        string    // "png" (the default) or "svg"
}

// DefaultPlotOptions returns the options plots are shown with when none are given: a PNG of
// 6 by 4 inches at 100 dpi, that is 600 by 400 pixels.
func DefaultPlotOptions() PlotOptions {
	return PlotOptions{Width: 6 * vg.Inch, Height: 4 * vg.Inch, DPI: 100, Format: "png"}
}

// withDefaults fills the zero fields of o from DefaultPlotOptions.
func (o PlotOptions) withDefaults() PlotOptions {
	d := DefaultPlotOptions()
	if o.Width <= 0 {
		o.Width = d.Width
	}
	if o.Height <= 0 {
		o.Height = d.Height
	}
	if o.DPI <= 0 {
		o.DPI = d.DPI
	}
	if o.Format == "" {
		o.Format = d.Format
	}
	return o
}

// Drawer is anything that draws itself on a canvas: a *plot.Plot, or a grid of them.
type Drawer interface {
	Draw(c draw.Canvas)
}

// PlotBundle renders p as the bundle a notebook shows: a PNG (with its display size in the
// metadata) or an SVG, as opts says, with a short text/plain fallback.
func PlotBundle(p *plot.Plot, opts PlotOptions) (Bundle, error) {
	if p == nil {
		return Bundle{}, fmt.Errorf("display: nil plot")
	}
	return DrawerBundle(p, opts)
}

// DrawerBundle renders anything that draws on a canvas, as PlotBundle does for one plot, on
// a white background. A panic while drawing is returned as an error.
func DrawerBundle(d Drawer, opts PlotOptions) (Bundle, error) {
	opts = opts.withDefaults()
	switch opts.Format {
	case "png":
		b, err := RenderPNG(d, opts)
		if err != nil {
			return Bundle{}, err
		}
		return pngBundle(b, opts), nil
	case "svg":
		c := vgsvg.New(opts.Width, opts.Height)
		dc := draw.New(c)
		dc.FillPolygon(color.White, rectPoints(dc.Rectangle))
		if err := drawSafely(d, dc); err != nil {
			return Bundle{}, err
		}
		var buf bytes.Buffer
		if _, err := c.WriteTo(&buf); err != nil {
			return Bundle{}, fmt.Errorf("display: writing svg: %w", err)
		}
		return Bundle{Data: map[string]any{
			"image/svg+xml": buf.String(),
			"text/plain":    "<plot>",
		}}, nil
	}
	return Bundle{}, fmt.Errorf("display: unknown plot format %q (want png or svg)", opts.Format)
}

// RenderPNG draws d on a white canvas of opts' size and DPI and returns the PNG bytes. A
// panic while drawing is returned as an error.
func RenderPNG(d Drawer, opts PlotOptions) ([]byte, error) {
	opts = opts.withDefaults()
	c := vgimg.NewWith(vgimg.UseWH(opts.Width, opts.Height), vgimg.UseDPI(opts.DPI))
	if err := drawSafely(d, draw.New(c)); err != nil {
		return nil, err
	}
	return encodePNG(c.Image())
}

// pngBundle wraps rendered PNG bytes. The metadata gives the size at 100 dpi, so a plot
// rendered at a higher DPI shows at the same size, only sharper.
func pngBundle(b []byte, opts PlotOptions) Bundle {
	w := int(float64(opts.Width/vg.Inch)*100 + 0.5)
	h := int(float64(opts.Height/vg.Inch)*100 + 0.5)
	return Bundle{
		Data: map[string]any{
			"image/png":  base64.StdEncoding.EncodeToString(b),
			"text/plain": fmt.Sprintf("<plot %dx%d>", w, h),
		},
		Metadata: map[string]any{"image/png": map[string]any{"width": w, "height": h}},
	}
}

// ImageBundle encodes img as a PNG bundle with its pixel size in the metadata.
func ImageBundle(img image.Image) (Bundle, error) {
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		return Bundle{}, fmt.Errorf("display: encoding png: %w", err)
	}
	r := img.Bounds()
	return imageBundle("image/png", buf.Bytes(), r.Dx(), r.Dy()), nil
}

// EncodedImageBundle checks that b is an image of the given MIME type ("image/png" or
// "image/jpeg") and wraps it as a bundle with its pixel size in the metadata.
func EncodedImageBundle(mime string, b []byte) (Bundle, error) {
	var cfg image.Config
	var err error
	switch mime {
	case "image/png":
		cfg, err = png.DecodeConfig(bytes.NewReader(b))
	case "image/jpeg":
		cfg, err = jpeg.DecodeConfig(bytes.NewReader(b))
	default:
		return Bundle{}, fmt.Errorf("display: unsupported image type %q", mime)
	}
	if err != nil {
		return Bundle{}, fmt.Errorf("display: not a valid %s: %w", mime, err)
	}
	return imageBundle(mime, b, cfg.Width, cfg.Height), nil
}

// imageBundle wraps encoded image bytes of a known size.
func imageBundle(mime string, b []byte, w, h int) Bundle {
	return Bundle{
		Data: map[string]any{
			mime:         base64.StdEncoding.EncodeToString(b),
			"text/plain": fmt.Sprintf("<image %dx%d>", w, h),
		},
		Metadata: map[string]any{mime: map[string]any{"width": w, "height": h}},
	}
}

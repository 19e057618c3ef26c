package display

import (
	"image"

	"git.sr.ht/~sbinet/gg"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
)

// reusedCanvas renders pictures of one size into the same image and graphic context again and
// again, as the live training view does a few times a second: a fresh vgimg canvas allocates
// and clears its image twice and builds a rasterizer, about 1–2 ms of a 10 ms redraw, and the
// PNG encoder keeps its deflate state. Not
// safe for concurrent use; the zero value is ready.
type reusedCanvas struct {
	opts PlotOptions
	img  *image.RGBA
	ctx  *gg.Context
	enc  pngEncoder
}

// renderPNG is RenderPNG on the reused canvas.
func (rc *reusedCanvas) renderPNG(d Drawer, opts PlotOptions) ([]byte, error) {
	opts = opts.withDefaults()
	if rc.ctx == nil || rc.opts != opts {
		w := int(float64(opts.Width/vg.Inch)*float64(opts.DPI) + 0.5)
		h := int(float64(opts.Height/vg.Inch)*float64(opts.DPI) + 0.5)
		rc.opts, rc.img = opts, image.NewRGBA(image.Rect(0, 0, w, h))
		rc.ctx = gg.NewContextForRGBA(rc.img) // set up as vgimg.NewWith does its own
		rc.ctx.SetLineCapButt()
		rc.ctx.InvertY()
	}
	// NewWith paints the image white and resets the line style and colour.
	c := vgimg.NewWith(vgimg.UseImageWithContext(rc.img, rc.ctx), vgimg.UseDPI(opts.DPI))
	if err := drawSafely(d, draw.New(c)); err != nil {
		rc.ctx = nil // a panic may have left the context's state stack unbalanced
		return nil, err
	}
	return rc.enc.encode(rc.img)
}

// bundle renders d as a PNG bundle, as DrawerBundle does.
func (rc *reusedCanvas) bundle(d Drawer, opts PlotOptions) (Bundle, error) {
	opts = opts.withDefaults()
	b, err := rc.renderPNG(d, opts)
	if err != nil {
		return Bundle{}, err
	}
	return pngBundle(b, opts), nil
}

package display

import (
	"fmt"
	"image"

	"gonum.org/v1/plot"
)

// Bundle is one piece of rich output: MIME type to content (text, or base64 for images), plus
// optional per-MIME metadata such as an image's width and height.
type Bundle struct {
	Data     map[string]any
	Metadata map[string]any
}

// MIMEBundler is implemented by values that know how to show themselves. MIMEBundle returns
// MIME type to content, exactly as it goes into a display_data message: text for textual
// types, base64 text for images, any JSON-encodable value for application/json. BundleOf adds
// a text/plain fallback when the map has none.
type MIMEBundler interface {
	MIMEBundle() map[string]any
}

// Bundler is implemented by values that build their own Bundle, metadata included.
type Bundler interface {
	Bundle() (Bundle, error)
}

// HTMLer is implemented by values that show themselves as an HTML fragment.
type HTMLer interface {
	HTML() string
}

// Text returns a bundle with one textual MIME type and its plain-text fallback.
func Text(mime, s string) Bundle {
	data := map[string]any{mime: s}
	if mime != "text/plain" {
		data["text/plain"] = s
	}
	return Bundle{Data: data}
}

// BundleOf turns a cell's value into rich output when it has a richer form than its printed
// text. It knows, in this order: Bundle itself, Bundler, MIMEBundler, HTMLer, *plot.Plot
// (a PNG of DefaultPlotOptions), image.Image (PNG), the nn types (see bundleOfNN: tensors as
// an HTML table, a *nn.Value as its computation graph, a *nn.History as its loss curve).
// It reports false for everything else, and for nil pointers, so the caller falls back to
// printing the value. It never panics: a value of a known kind that fails to render (an
// error, or a panic inside gonum/plot or a value's own methods) gives a text/plain bundle
// that says why, which tells the user more than the printed fields of a plot would.
func BundleOf(v any) (Bundle, bool) {
	b, ok, err := bundleOf(v)
	if err != nil {
		return Text("text/plain", err.Error()), true
	}
	if !ok || len(b.Data) == 0 {
		return Bundle{}, false
	}
	return b, true
}

// bundleOf is BundleOf with the rendering error kept, for the Writer to report; a panic
// while rendering becomes an error.
func bundleOf(v any) (b Bundle, ok bool, err error) {
	defer func() {
		if r := recover(); r != nil {
			b, ok, err = Bundle{}, false, fmt.Errorf("display: showing %T: %v", v, r)
		}
	}()
	return bundleOfValue(v)
}

// bundleOfValue is bundleOf without the recover.
func bundleOfValue(v any) (Bundle, bool, error) {
	switch x := v.(type) {
	case nil:
		return Bundle{}, false, nil
	case Bundle:
		return x, true, nil
	case *Bundle:
		if x == nil {
			return Bundle{}, false, nil
		}
		return *x, true, nil
	case *plot.Plot:
		if x == nil {
			return Bundle{}, false, nil
		}
		b, err := PlotBundle(x, DefaultPlotOptions())
		return b, err == nil, err
	case image.Image:
		if isNilPointer(x) {
			return Bundle{}, false, nil
		}
		b, err := ImageBundle(x)
		return b, err == nil, err
	case Bundler:
		if isNilPointer(x) {
			return Bundle{}, false, nil
		}
		b, err := x.Bundle()
		return b, err == nil, err
	case MIMEBundler:
		if isNilPointer(x) {
			return Bundle{}, false, nil
		}
		return mimeBundle(x.MIMEBundle()), true, nil
	case HTMLer:
		if isNilPointer(x) {
			return Bundle{}, false, nil
		}
		return Text("text/html", x.HTML()), true, nil
	}
	return bundleOfNN(v)
}

// mimeBundle wraps a MIMEBundle map, adding a text/plain fallback when it has none.
func mimeBundle(m map[string]any) Bundle {
	data := make(map[string]any, len(m)+1)
	for k, v := range m {
		data[k] = v
	}
	if _, ok := data["text/plain"]; !ok && len(data) > 0 {
		data["text/plain"] = fmt.Sprintf("<%d MIME types>", len(m))
	}
	return Bundle{Data: data}
}

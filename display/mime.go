package display

import (
	"encoding/json"
	"fmt"
)

// LaTeXBundle returns a text/latex bundle. Math mode is the caller's: "$x^2$" or "$$...$$".
func LaTeXBundle(tex string) Bundle { return Text("text/latex", tex) }

// SVGBundle returns an image/svg+xml bundle of an SVG document.
func SVGBundle(svg string) Bundle {
	return Bundle{Data: map[string]any{"image/svg+xml": svg, "text/plain": "<svg image>"}}
}

// JSONBundle returns an application/json bundle of v. A string or []byte is taken as JSON
// text and must be valid; anything else is encoded with encoding/json. Front ends show the
// JSON as a collapsible tree; the text/plain fallback is the indented JSON.
func JSONBundle(v any) (Bundle, error) {
	var raw []byte
	switch x := v.(type) {
	case string:
		raw = []byte(x)
	case []byte:
		raw = x
	default:
		b, err := json.Marshal(v)
		if err != nil {
			return Bundle{}, fmt.Errorf("display: encoding json: %w", err)
		}
		raw = b
	}
	var tree any
	if err := json.Unmarshal(raw, &tree); err != nil {
		return Bundle{}, fmt.Errorf("display: invalid json: %w", err)
	}
	pretty, err := json.MarshalIndent(tree, "", "  ")
	if err != nil {
		return Bundle{}, fmt.Errorf("display: encoding json: %w", err)
	}
	return Bundle{Data: map[string]any{
		"application/json": tree,
		"text/plain":       string(pretty),
	}}, nil
}

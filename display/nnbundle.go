package display

import (
	"github.com/gograd/gograd/nn"
)

// bundleOfNN shows the nn package's types: a *nn.Tensor as an HTML table (TensorHTML) with
// its String as text/plain, a *nn.Value as the picture of its computation graph (Graph), a
// *nn.History as its Dashboard (loss curve and gradient norms).
func bundleOfNN(v any) (Bundle, bool, error) {
	switch x := v.(type) {
	case *nn.Tensor:
		if x == nil {
			return Bundle{}, false, nil
		}
		return Bundle{Data: map[string]any{"text/html": TensorHTML(x), "text/plain": x.String()}}, true, nil
	case *nn.Value:
		if x == nil {
			return Bundle{}, false, nil
		}
		b, err := ImageBundle(Graph(x))
		if err != nil {
			return Bundle{}, false, err
		}
		b.Data["text/plain"] = x.String()
		return b, true, nil
	case *nn.History:
		if x == nil {
			return Bundle{}, false, nil
		}
		b, err := Dashboard(x, LossOptions{}).Bundle()
		return b, err == nil, err
	}
	return Bundle{}, false, nil
}

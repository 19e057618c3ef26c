package nn

import (
	"math"
	"math/rand"
)

// Init names a weight initialiser.
type Init string

// The weight initialisers Linear layers know.
const (
	// Xavier (Glorot) uniform: U(-a, a) with a = sqrt(6/(in+out)); suits tanh and sigmoid.
	Xavier Init = "xavier"
	// He (Kaiming) normal: N(0, 2/in); suits ReLU.
	He Init = "he"
)

// initWeights fills w (in×out) from rng according to init.
func initWeights(w []float32, in, out int, init Init, rng *rand.Rand) {
	switch init {
	case He:
		std := math.Sqrt(2 / float64(in))
		for i := range w {
			w[i] = float32(rng.NormFloat64() * std)
		}
	default:
		a := math.Sqrt(6 / float64(in+out))
		for i := range w {
			w[i] = float32((2*rng.Float64() - 1) * a)
		}
	}
}

// InitFor returns the initialiser that suits an activation: He for relu-like ones, Xavier
// otherwise.
func InitFor(activation string) Init {
	switch parseAct(activation) {
	case actReLU, actLeaky:
		return He
	}
	return Xavier
}

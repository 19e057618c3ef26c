package nn

import (
	"math"
	"math/rand"
)

// XOR returns n points around the four corners of the unit square, labelled 1 where
// exactly one coordinate is 1, with Gaussian noise of the given deviation. XOR(4, 0, 0) is
// the classic four-row truth table.
func XOR(n int, noise float64, seed int64) *Dataset {
	rng := rand.New(rand.NewSource(seed))
	x, labels := make([]float32, 0, 2*n), make([]int, n)
	for i := 0; i < n; i++ {
		a, b := i%2, (i/2)%2
		x = append(x, float32(float64(a)+noise*rng.NormFloat64()), float32(float64(b)+noise*rng.NormFloat64()))
		labels[i] = a ^ b
	}
	return newClassification("xor", x, 2, labels, []string{"0", "1"})
}

// Moons returns n points on two interleaving half circles (scikit-learn's make_moons), with
// Gaussian noise of the given deviation, shuffled.
func Moons(n int, noise float64, seed int64) *Dataset {
	rng := rand.New(rand.NewSource(seed))
	x, labels := make([]float32, 0, 2*n), make([]int, n)
	for i := 0; i < n; i++ {
		c := i % 2
		a := math.Pi * rng.Float64()
		px, py := math.Cos(a), math.Sin(a)
		if c == 1 {
			px, py = 1-px, 0.5-py
		}
		x = append(x, float32(px+noise*rng.NormFloat64()), float32(py+noise*rng.NormFloat64()))
		labels[i] = c
	}
	return newClassification("moons", x, 2, labels, []string{"upper", "lower"})
}

// Circles returns n points on two concentric circles (radii 1 and 0.5, class 1 inside),
// with Gaussian noise of the given deviation.
func Circles(n int, noise float64, seed int64) *Dataset {
	rng := rand.New(rand.NewSource(seed))
	x, labels := make([]float32, 0, 2*n), make([]int, n)
	for i := 0; i < n; i++ {
		c := i % 2
		r := 1 - 0.5*float64(c)
		a := 2 * math.Pi * rng.Float64()
		x = append(x, float32(r*math.Cos(a)+noise*rng.NormFloat64()), float32(r*math.Sin(a)+noise*rng.NormFloat64()))
		labels[i] = c
	}
	return newClassification("circles", x, 2, labels, []string{"outer", "inner"})
}

// Spirals returns n points on k interleaved spiral arms (CS231n's spiral data), one class
// per arm, with Gaussian noise (in radians) of the given deviation.
func Spirals(n, k int, noise float64, seed int64) *Dataset {
	rng := rand.New(rand.NewSource(seed))
	x, labels := make([]float32, 0, 2*n), make([]int, n)
	per := max(n/k, 1)
	for i := 0; i < n; i++ {
		c, j := i%k, i/k
		r := float64(j) / float64(per)
		a := 4*float64(c) + 4*r + noise*rng.NormFloat64()
		x = append(x, float32(r*math.Sin(a)), float32(r*math.Cos(a)))
		labels[i] = c
	}
	return newClassification("spirals", x, 2, labels, classNames(k))
}

// Blobs returns n points in dims dimensions around k centres drawn uniformly in [-5, 5],
// with Gaussian spread std: scikit-learn's make_blobs.
func Blobs(n, k, dims int, std float64, seed int64) *Dataset {
	rng := rand.New(rand.NewSource(seed))
	centres := make([]float64, k*dims)
	for i := range centres {
		centres[i] = 10*rng.Float64() - 5
	}
	x, labels := make([]float32, 0, dims*n), make([]int, n)
	for i := 0; i < n; i++ {
		c := i % k
		for d := 0; d < dims; d++ {
			x = append(x, float32(centres[c*dims+d]+std*rng.NormFloat64()))
		}
		labels[i] = c
	}
	return newClassification("blobs", x, dims, labels, classNames(k))
}

func classNames(k int) []string {
	names := make([]string, k)
	for i := range names {
		names[i] = string(rune('0' + i%10))
		if i >= 10 {
			names[i] = string(rune('0'+i/10)) + names[i]
		}
	}
	return names
}

package nn

import (
	"fmt"
	"math"
	"math/rand"
)

// Dataset is a table of examples: X holds one example per row; Y holds the targets, one row
// per example (the class index as a float for classification data, so it feeds
// SoftmaxCrossEntropy, BCE and MSE alike). Labels repeats the classes as ints (nil for
// regression data); Classes names them.
type Dataset struct {
	Name     string   // such as "moons" or "digits"
	X, Y     *Tensor  // inputs (n×features) and targets (n×outputs)
	Labels   []int    // class of each row; nil for regression data
	Classes  []string // class names, indexed by label
	Features []string // column names of X, when known
}

// Len returns the number of examples.
func (d *Dataset) Len() int { return d.X.Rows() }

// NumClasses returns the number of classes (0 for regression data).
func (d *Dataset) NumClasses() int {
	if len(d.Classes) > 0 {
		return len(d.Classes)
	}
	k := 0
	for _, l := range d.Labels {
		k = max(k, l+1)
	}
	return k
}

// String summarises the data set.
func (d *Dataset) String() string {
	return fmt.Sprintf("Dataset(%s: X %v, Y %v, %d classes)", d.Name, d.X.shape, d.Y.shape, d.NumClasses())
}

// NumBatches returns how many whole batches of the given size the data holds (at least 1).
func (d *Dataset) NumBatches(size int) int {
	return max(1, d.Len()/max(size, 1))
}

// Batch returns batch i (taken modulo NumBatches, so a step counter works) of the given
// size, as views on the data set's rows: no copy. Shuffle first for random batches.
func (d *Dataset) Batch(i, size int) (x, y *Tensor) {
	size = min(max(size, 1), d.Len())
	start := (i % d.NumBatches(size)) * size
	return rowView(d.X, start, size), rowView(d.Y, start, size)
}

func rowView(t *Tensor, start, n int) *Tensor {
	w := len(t.data) / max(t.shape[0], 1)
	v := &Tensor{data: t.data[start*w : (start+n)*w]}
	if len(t.shape) == 2 {
		v.dims = [2]int{n, t.shape[1]}
		v.shape = v.dims[:]
	} else {
		v.setShape(append([]int{n}, t.shape[1:]...))
	}
	return v
}

// Subset returns a new data set with copies of the rows at idx, in that order.
func (d *Dataset) Subset(idx []int) *Dataset {
	s := &Dataset{Name: d.Name, X: IndexRows(d.X, idx), Y: IndexRows(d.Y, idx),
		Classes: d.Classes, Features: d.Features}
	s.X.op, s.Y.op, s.X.parents, s.Y.parents = "", "", nil, nil
	if d.Labels != nil {
		s.Labels = make([]int, len(idx))
		for j, i := range idx {
			s.Labels[j] = d.Labels[i]
		}
	}
	return s
}

// Shuffle returns a copy of d with its rows in a random order drawn from seed.
func (d *Dataset) Shuffle(seed int64) *Dataset {
	return d.Subset(rand.New(rand.NewSource(seed)).Perm(d.Len()))
}

// Split shuffles d with seed and returns the first (1-testFrac) of the rows as train and
// the rest as test.
func (d *Dataset) Split(testFrac float64, seed int64) (train, test *Dataset) {
	perm := rand.New(rand.NewSource(seed)).Perm(d.Len())
	nTest := int(math.Round(testFrac * float64(d.Len())))
	return d.Subset(perm[nTest:]), d.Subset(perm[:nTest])
}

// Standardize rescales each column of X in place to mean 0 and standard deviation 1, and
// returns the means and deviations it used (apply them to test data with StandardizeWith).
// Constant columns keep deviation 1.
func (d *Dataset) Standardize() (mean, std []float64) {
	n, c := d.X.Rows(), d.X.Cols()
	mean, std = make([]float64, c), make([]float64, c)
	for i := 0; i < n; i++ {
		for j := 0; j < c; j++ {
			mean[j] += float64(d.X.data[i*c+j])
		}
	}
	for j := range mean {
		mean[j] /= float64(n)
	}
	for i := 0; i < n; i++ {
		for j := 0; j < c; j++ {
			v := float64(d.X.data[i*c+j]) - mean[j]
			std[j] += v * v
		}
	}
	for j := range std {
		std[j] = math.Sqrt(std[j] / float64(n))
		if std[j] < 1e-12 {
			std[j] = 1
		}
	}
	d.StandardizeWith(mean, std)
	return mean, std
}

// StandardizeWith rescales each column j of X in place to (x - mean[j]) / std[j].
func (d *Dataset) StandardizeWith(mean, std []float64) {
	c := d.X.Cols()
	if len(mean) != c || len(std) != c {
		panic(fmt.Sprintf("nn: StandardizeWith: %d means and %d deviations for %d columns", len(mean), len(std), c))
	}
	for i := range d.X.data {
		j := i % c
		d.X.data[i] = float32((float64(d.X.data[i]) - mean[j]) / std[j])
	}
}

// OneHot returns the labels as an n×k tensor of one-hot rows.
func OneHot(labels []int, k int) *Tensor {
	t := Zeros(len(labels), k)
	for i, l := range labels {
		if l < 0 || l >= k {
			panic(fmt.Sprintf("nn: OneHot: label %d out of range for %d classes", l, k))
		}
		t.data[i*k+l] = 1
	}
	return t
}

// newClassification builds a data set from feature rows and integer labels.
func newClassification(name string, x []float32, cols int, labels []int, classes []string) *Dataset {
	y := make([]float32, len(labels))
	for i, l := range labels {
		y[i] = float32(l)
	}
	return &Dataset{Name: name, X: NewTensor(x, len(labels), cols), Y: NewTensor(y, len(labels), 1),
		Labels: labels, Classes: classes}
}

// Package iter is gograd's interpreted stand-in for the standard library's iter package.
//
// Cells range over these sequences through gograd's rewrite of range-over-func loops.
package iter

// Seq is an iterator over sequences of individual values.
type Seq[V any] func(yield func(V) bool)

// Seq2 is an iterator over sequences of pairs of values.
type Seq2[K, V any] func(yield func(K, V) bool)

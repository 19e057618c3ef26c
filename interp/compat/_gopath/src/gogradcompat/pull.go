package gogradcompat

// The PullN functions turn a push iterator into one function for a plain loop: next(false)
// runs the iterator until its next yield and returns the yielded values (a pointer to them,
// nil when the iterator has returned); next(true) makes the pending yield return false and
// waits for the iterator to return. One function returning one value: yaegi v0.16.1 loses
// variables defined from a multi-value call in nested blocks at the top level of a cell.
//
// The iterator runs on its own goroutine strictly in turn with the loop, so its side
// effects happen in the order a range-over-func loop has them, and a panic in it is
// carried over to the caller of next. They use channels only, never a variable written by
// both goroutines: yaegi crashes when a goroutine assigns a variable captured from a
// generic function.

// KV is a pair yielded by a two-value iterator.
type KV[K, V any] struct {
	Key K
	Val V
}

// Pull0 prepares a loop over an iterator that yields no values; next returns false when
// the iterator has returned.
func Pull0(seq func(yield func() bool)) func(stop bool) bool {
	next := Pull1(func(yield func(struct{}) bool) {
		seq(func() bool {
			more := yield(struct{}{})
			return more
		})
	})
	return func(stop bool) bool {
		p := next(stop)
		return p != nil
	}
}

// Pull1 prepares a loop over an iterator of single values.
func Pull1[V any](seq func(yield func(V) bool)) func(stop bool) *V {
	req := make(chan bool)
	vals := make(chan V)
	end := make(chan any, 1)
	go func() {
		defer func() { end <- recover() }()
		if !<-req {
			return
		}
		seq(func(v V) bool {
			vals <- v
			more := <-req
			return more
		})
	}()
	fin := new(bool)
	return func(stop bool) *V {
		for !*fin {
			req <- !stop
			select {
			case v := <-vals:
				if !stop {
					return &v
				}
			case p := <-end:
				finish(fin, p)
			}
		}
		return nil
	}
}

// Pull2 prepares a loop over an iterator of pairs.
func Pull2[K, V any](seq func(yield func(K, V) bool)) func(stop bool) *KV[K, V] {
	next := Pull1(func(yield func(KV[K, V]) bool) {
		seq(func(k K, v V) bool {
			more := yield(KV[K, V]{k, v})
			return more
		})
	})
	return next
}

// finish marks a loop's iterator as returned and re-raises its panic, if any.
func finish(fin *bool, p any) {
	*fin = true
	if p != nil {
		panic(p)
	}
}

package gogradcompat

// The PullN functions turn a push iterator into a pair of functions for a plain loop:
// next runs the iterator until its next yield and returns the yielded values and whether
// there were any; stop makes the pending yield return false and waits for the iterator to
// return. The iterator runs on its own goroutine strictly in turn with the loop, so its
// side effects happen in the order a range-over-func loop has them, and a panic in it is
// carried over to the caller of next or stop.
//
// They use channels only, never a variable written by both goroutines: yaegi v0.16.1
// crashes when a goroutine assigns a variable captured from a generic function.

// Pull0 prepares a loop over an iterator that yields no values.
func Pull0(seq func(yield func() bool)) (func() bool, func()) {
	req := make(chan bool)
	vals := make(chan struct{})
	end := make(chan any, 1)
	go func() {
		defer func() { end <- recover() }()
		if !<-req {
			return
		}
		seq(func() bool {
			vals <- struct{}{}
			more := <-req
			return more
		})
	}()
	fin := new(bool)
	next := func() bool {
		if *fin {
			return false
		}
		req <- true
		select {
		case <-vals:
			return true
		case p := <-end:
			finish(fin, p)
			return false
		}
	}
	stop := func() {
		for !*fin {
			req <- false
			select {
			case <-vals:
			case p := <-end:
				finish(fin, p)
			}
		}
	}
	return next, stop
}

// Pull1 prepares a loop over an iterator of single values.
func Pull1[V any](seq func(yield func(V) bool)) (func() (V, bool), func()) {
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
	next := func() (V, bool) {
		var zero V
		if *fin {
			return zero, false
		}
		req <- true
		select {
		case v := <-vals:
			return v, true
		case p := <-end:
			finish(fin, p)
			return zero, false
		}
	}
	stop := func() {
		for !*fin {
			req <- false
			select {
			case <-vals:
			case p := <-end:
				finish(fin, p)
			}
		}
	}
	return next, stop
}

// Pull2 prepares a loop over an iterator of pairs.
func Pull2[K, V any](seq func(yield func(K, V) bool)) (func() (K, V, bool), func()) {
	req := make(chan bool)
	keys := make(chan K)
	vals := make(chan V)
	end := make(chan any, 1)
	go func() {
		defer func() { end <- recover() }()
		if !<-req {
			return
		}
		seq(func(k K, v V) bool {
			keys <- k
			vals <- v
			more := <-req
			return more
		})
	}()
	fin := new(bool)
	next := func() (K, V, bool) {
		var zk K
		var zv V
		if *fin {
			return zk, zv, false
		}
		req <- true
		select {
		case k := <-keys:
			v := <-vals
			return k, v, true
		case p := <-end:
			finish(fin, p)
			return zk, zv, false
		}
	}
	stop := func() {
		for !*fin {
			req <- false
			select {
			case <-keys:
				<-vals
			case p := <-end:
				finish(fin, p)
			}
		}
	}
	return next, stop
}

// finish marks a loop's iterator as returned and re-raises its panic, if any.
func finish(fin *bool, p any) {
	*fin = true
	if p != nil {
		panic(p)
	}
}

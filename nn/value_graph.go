package nn

// Children returns the inputs of the operation that produced v (the graph's edges into v);
// it is empty for an input.
func (v *Value) Children() []*Value {
	return append([]*Value(nil), v.children...)
}

// LocalGrads returns d v / d child for each child, evaluated at the forward values, in the
// order of Children. Backward multiplies each by v.Grad (the upstream gradient).
func (v *Value) LocalGrads() []float64 {
	return append([]float64(nil), v.local...)
}

// Topo returns every node of the graph that ends in v, inputs first: each node comes after
// all of its children.
func (v *Value) Topo() []*Value {
	var order []*Value
	seen := map[*Value]bool{}
	var visit func(n *Value)
	visit = func(n *Value) {
		if seen[n] {
			return
		}
		seen[n] = true
		for _, c := range n.children {
			visit(c)
		}
		order = append(order, n)
	}
	visit(v)
	return order
}

// Backward computes d v / d n for every node n of v's graph and stores it in n.Grad. It
// first zeroes every gradient in the graph, sets v.Grad to 1, then walks the nodes in
// reverse topological order adding LocalGrads[i] * node.Grad to each child's Grad (the
// chain rule; a node used twice gets the sum).
func (v *Value) Backward() {
	topo := v.Topo()
	for _, n := range topo {
		n.Grad = 0
	}
	v.Grad = 1
	for i := len(topo) - 1; i >= 0; i-- {
		n := topo[i]
		for j, c := range n.children {
			c.Grad += n.local[j] * n.Grad
		}
	}
}

// ZeroGrad sets the gradient of every node in v's graph to 0.
func (v *Value) ZeroGrad() {
	for _, n := range v.Topo() {
		n.Grad = 0
	}
}

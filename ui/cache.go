package ui

import "container/list"

// renderCache keeps renderings by (article, width), least recently used
// first out, within a budget of bytes.
type renderCache struct {
	budget, used int
	order        *list.List // of *rendered, most recent at the front
	byKey        map[renderKey]*list.Element
}

func newRenderCache(budget int) *renderCache {
	return &renderCache{budget: budget, order: list.New(), byKey: map[renderKey]*list.Element{}}
}

func (c *renderCache) get(k renderKey) *rendered {
	e, ok := c.byKey[k]
	if !ok {
		return nil
	}
	c.order.MoveToFront(e)
	return e.Value.(*rendered)
}

func (c *renderCache) put(k renderKey, r *rendered) {
	if e, ok := c.byKey[k]; ok {
		c.used -= e.Value.(*rendered).bytes
		c.order.Remove(e)
	}
	c.byKey[k] = c.order.PushFront(r)
	c.used += r.bytes
	for c.used > c.budget && c.order.Len() > 1 {
		last := c.order.Back()
		old := last.Value.(*rendered)
		c.order.Remove(last)
		delete(c.byKey, old.key)
		c.used -= old.bytes
	}
}

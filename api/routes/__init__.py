"""HTTP routers, one module each."""

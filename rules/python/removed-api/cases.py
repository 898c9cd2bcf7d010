import ast
import asyncio
# ruleid: python/removed-api
from ast import Num
# ok: python/removed-api
from ast import Constant


def literal(node):
    # ruleid: python/removed-api
    if isinstance(node, ast.Str):
        return node.s
    # ok: python/removed-api
    return isinstance(node, ast.Constant)


# ruleid: python/removed-api, python/removed-api
asyncio.set_child_watcher(asyncio.ThreadedChildWatcher())
# ok: python/removed-api
doc = "use ast.Num for numbers"
# ok: python/removed-api
x = node_types.Num

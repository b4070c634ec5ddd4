class Thing:
    attr1 = 1
    def __init__(self):
        self._private = 2
    def method(self):
        return 3
    @property
    def prop(self):
        raise RuntimeError("a property is not evaluated by completion")

obj = Thing()
my_list = [1]
my_value = 10
def my_func():
    pass


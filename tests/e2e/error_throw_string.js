throw "a string"

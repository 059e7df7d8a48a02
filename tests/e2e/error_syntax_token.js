var x = function function() {}

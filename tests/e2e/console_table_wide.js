console.table(['漢字', 'ｗｉｄｅ', 'é', 'e\u0301', '😀', 'plain']);
console.table([{ '名前': '太郎', age: 20 }, { '名前': 'Bob', age: 3 }]);
console.table({ '한국어': { v: '가나다' } });

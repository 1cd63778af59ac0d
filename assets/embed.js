/* Surveillance Atlas host script: resizes iframes marked data-surveillance-atlas to the height
   their widget reports (Pym.js, Datawrapper-style or AMP messages), accepting messages only
   from each iframe's own window and origin. */
(function () {
  'use strict';
  var SEL = 'iframe[data-surveillance-atlas]';
  function heightOf(d) {
    if (typeof d === 'string') {
      var m = /^pymxPYMx.*xPYMxheightxPYMx(\d+(?:\.\d+)?)$/.exec(d);
      return m ? +m[1] : 0;
    }
    if (d && typeof d === 'object') {
      if (d.sentinel === 'amp' && d.type === 'embed-size') return +d.height;
      var dw = d['datawrapper-height'];
      if (dw && typeof dw === 'object') for (var k in dw) return +dw[k];
    }
    return 0;
  }
  window.addEventListener('message', function (e) {
    var frames = document.querySelectorAll(SEL);
    for (var i = 0; i < frames.length; i++) {
      var f = frames[i];
      if (e.source !== f.contentWindow) continue;
      var origin;
      try { origin = new URL(f.src, location.href).origin; } catch (err) { return; }
      // A sandboxed frame without allow-same-origin posts from the opaque origin "null".
      if (e.origin !== origin && !(e.origin === 'null' && !/allow-same-origin/.test(f.getAttribute('sandbox') || 'allow-same-origin'))) return;
      var h = heightOf(e.data);
      if (h > 0 && h < 100000) f.setAttribute('height', String(Math.ceil(h)));
      return;
    }
  });
})();

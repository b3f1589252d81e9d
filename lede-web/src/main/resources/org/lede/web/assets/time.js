(function(){
var root=document.documentElement,zone=root.getAttribute("data-zone")||"UTC",fmt;
try{fmt=new Intl.DateTimeFormat("en-US",{month:"short",day:"numeric",year:"numeric",timeZone:zone})}catch(e){fmt=null}
function describe(t){var s=(Date.now()-t)/1e3;if(s<60)return"just now";var m=Math.floor(s/60);if(m<60)return m+(m==1?" minute":" minutes")+" ago";var h=Math.floor(m/60);if(h<24)return h+(h==1?" hour":" hours")+" ago";return fmt?fmt.format(new Date(t)):null}
function refresh(){var all=document.querySelectorAll("time[data-relative]");for(var i=0;i<all.length;i++){var el=all[i],t=Date.parse(el.getAttribute("datetime"));if(isNaN(t))continue;var text=describe(t);if(text)el.textContent=(el.hasAttribute("data-updated")?"Updated ":"")+text}}
refresh();setInterval(refresh,60000);
})();

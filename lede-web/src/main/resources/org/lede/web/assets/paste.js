(function(){
var body=document.getElementById("body"),form=document.getElementById("story-form"),status=document.getElementById("paste-status");
if(!body||!form||!status)return;
function fill(id,value,done,name){var f=document.getElementById(id);if(f&&value&&!f.value.trim()){f.value=value;done.push(name)}}
function put(text){if(!body.value.trim()){body.value=text}else{body.setRangeText(text.replace(/\n$/,""),body.selectionStart,body.selectionEnd,"end")}body.dispatchEvent(new Event("input",{bubbles:true}))}
body.addEventListener("paste",function(e){
var data=e.clipboardData;if(!data)return;
var html=data.getData("text/html"),text=data.getData("text/plain");
// A word or a line pastes as the browser does, and so does text already in the editor's markup
// (copied from another story); structure is for a story's worth of text from a page or a document.
if(!html&&(text.indexOf("\n")<0||/\*\*|__|\]\(|^(## |> |!\[|<https?:)/m.test(text)))return;
e.preventDefault();
status.setAttribute("data-state","working");
status.textContent="Structuring the paste…";
fetch("/newsroom/paste",{method:"POST",headers:{"X-CSRF-Token":form.elements["_csrf"].value,"Content-Type":(html?"text/html":"text/plain")+";charset=utf-8"},body:html||text,credentials:"same-origin"})
.then(function(r){if(!r.ok)throw new Error(r.status);return r.json()})
.then(function(d){
var done=[];
put(d.body);
fill("headline",d.headline,done,"headline");
fill("heroCaption",d.heroCaption,done,"hero caption");
fill("heroCredit",d.heroCredit,done,"hero credit");
fill("contributorNote",d.bioLine,done,"bio line");
status.textContent="Pasted with its structure: "+d.summary+"."+(done.length?" Filled in: "+done.join(", ")+".":"")+(d.report.length?" Simplified: "+d.report.join("; ")+".":"");
status.setAttribute("data-state","done");
})
.catch(function(){
put(text);
status.textContent="The paste could not be structured, so it went in as plain text.";
status.setAttribute("data-state","failed");
});
});
})();

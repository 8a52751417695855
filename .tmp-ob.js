const yaml=require('js-yaml');const fs=require('fs');
const {OpenAPIBackend}=require('openapi-backend');
(async()=>{
let t=Date.now();
const y=yaml.load(fs.readFileSync('test/fixtures/ingram-micro-reseller-api.yaml','utf8'));
console.log('yaml',Date.now()-t); t=Date.now();
for (const p of Object.keys(y.paths)) if (p.includes('webhooks')) delete y.paths[p];
const api=new OpenAPIBackend({definition:y, quick: process.argv[2]==='quick', strict: true, ajvOpts:{logger:false, allErrors:true}, customizeAjv:(ajv)=>{ajv.addFormat('date',/^\d{4}-\d{2}-\d{2}$/);ajv.addFormat('Date',true);ajv.addFormat('decimal',{type:'number',validate:()=>true});ajv.addFormat('deciaml',{type:'number',validate:()=>true});return ajv;}});
try { await api.init(); } catch(e){ console.log('init err', e.message.slice(0,500)); }
console.log('init',Date.now()-t); t=Date.now();
const op=api.router.matchOperation({method:'get',path:'/resellers/v6/catalog',headers:{}}, true);
const r=api.validator.validateRequest({method:'get',path:'/resellers/v6/catalog',query:{pageSize:'abc',foo:'1', vendor:'HP'},headers:{'im-customernumber':'20-222222','im-countrycode':'USA','im-correlationid':'x'.repeat(36)}}, op);
console.log(JSON.stringify(r.errors,null,1), 'validate', Date.now()-t);
})();
(async()=>{ await new Promise(r=>setTimeout(r,3000)); const y=yaml.load(fs.readFileSync('test/fixtures/ingram-micro-reseller-api.yaml','utf8')); const api=new OpenAPIBackend({definition:y, quick:true}); await api.init(); let t=Date.now(); try{ api.validateDefinition(); console.log('def valid', Date.now()-t);}catch(e){console.log('def invalid', e.message.slice(0,300))}
 t=Date.now(); const j=JSON.parse(fs.readFileSync('test/fixtures/ingram-micro-reseller-api-2025-04.json','utf8')); const api2=new OpenAPIBackend({definition:j, quick:true}); await api2.init(); try{ api2.validateDefinition(); console.log('json valid');}catch(e){console.log('json invalid', e.message.slice(0,600))}
})();
